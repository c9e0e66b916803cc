using System.Globalization;
using System.Text;

namespace Hall.Benchmarks.Report;

/// <summary>The figures as a plain table for the console, each with its goal where the issue sets one.</summary>
public static class ResultTable
{
    public static string Render(BenchmarkFigures f)
    {
        var all = new List<(string Stage, string Figure, string Value, string Goal)>
        {
            ("", "mode", $"{f.Mode} ({f.Machine.ProcessorCount} cores, load {F(f.Machine.LoadAverage1Min, "0.00")})", ""),
            ("issue", "ticket issuing", $"{F(f.IssueThroughputPerSecond, "0")} /s ({f.IssueCount} in {F(f.IssueSeconds, "0.0")} s, {f.Kiosks} kiosks)", "≥ 2000 /s"),
            ("issue", "  latency p50 / p99", $"{F(f.IssueP50Ms)} / {F(f.IssueP99Ms)} ms (max {F(f.IssueMaxMs)})", "p99 ≤ 20 ms"),
            ("issue", "  CPU per ticket: server / driver", $"{F(f.IssueServerCpuMsPerTicket, "0.00")} / {F(f.IssueDriverCpuMsPerTicket, "0.00")} ms", "server ≤ 0.5 ms"),
            ("issue", "  bare insert endpoint (baseline)", $"{F(f.IssueBaselinePerSecond, "0")} /s, p99 {F(f.IssueBaselineP99Ms)} ms, server CPU {F(f.IssueBaselineServerCpuMsPerRequest, "0.00")} ms", ""),
            ("issue", "  issuing ÷ baseline", F(f.IssueVsBaseline, "0.00") + " ×", "≥ 0.7 ×"),
            ("issue", "  open loop, offered load", $"{f.IssueOpenLoopOfferedPerSecond} /s: p50 / p99 {F(f.IssueOpenLoopP50Ms)} / {F(f.IssueOpenLoopP99Ms)} ms, {f.IssueOpenLoopIssued} issued, server CPU {F(f.IssueOpenLoopServerCpuMsPerTicket, "0.00")} ms" +
                (f.IssueOpenLoopRefusals.Count == 0 ? "" : ", refused " + string.Join(", ", f.IssueOpenLoopRefusals.Select(r => $"{r.Key}: {r.Value}"))), "p99 ≤ 20 ms at 300 /s"),
            ("issue", "  refusals", f.IssueRefusals.Count == 0 ? "none" : string.Join(", ", f.IssueRefusals.Select(r => $"{r.Key}: {r.Value}")), ""),
            ("board", "call to board p50 / p99", $"{F(f.CallToBoardP50Ms)} / {F(f.CallToBoardP99Ms)} ms ({f.Displays} displays × {f.Calls} calls, missed {f.CallToBoardMissed})", "p99 ≤ 50 ms"),
            ("board", "  call-next answer p50 / p99", $"{F(f.CallRequestP50Ms)} / {F(f.CallRequestP99Ms)} ms", ""),
            ("board", "  server CPU per call cycle", $"{F(f.CallServerCpuMsPerCall)} ms (bare hub: {F(f.BaselineServerCpuMsPerBroadcast)} ms per broadcast); {F(f.CallOtherMessagesPerDisplay)} more messages per display (" +
                string.Join(", ", f.CallOtherMessagesByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {F(k.Value, "0.00")}")) + ")", ""),
            ("board", "bare broadcast p50 / p99", $"{F(f.BaselineBroadcastP50Ms)} / {F(f.BaselineBroadcastP99Ms)} ms ({f.TicketCalledPayloadBytes} B payload, missed {f.BaselineBroadcastMissed})", ""),
            ("board", "  call to board ÷ bare (p99)", F(f.CallToBoardVsBaselineP99, "0.00") + " ×", "≤ 1.3 ×"),
            ("board", "  p99 ÷ bare by displays", string.Join(", ", f.CallToBoardByDisplays.Select(d => $"{d.Displays}: {F(d.Ratio, "0.00")} × ({F(d.CallToBoardP99Ms)}/{F(d.BaselineP99Ms)} ms)")), "≤ 1.3 × at 500"),
            ("strip", "call → LED strip, SHOW's last byte", $"{F(f.CallToStripP50Ms)} / {F(f.CallToLedP99Ms)} ms p50 / p99 ({f.StripCalls} calls, missed {f.CallToStripMissed}; wire {F(f.ShowFrameWireMsAt9600)} ms at 9600)",
                $"p99 ≤ {F(f.ShowFrameWireMsAt9600 + 30)} ms (wire + 30)"),
            ("rating", "rating frame → stored, announced", $"{F(f.RatingFrameToAnnouncedP50Ms)} / {F(f.RatingFrameToAnnouncedP99Ms)} ms p50 / p99 ({f.Ratings} presses, missed {f.RatingFrameMissed}; wire {F(f.RatingFrameWireMsAt9600)} ms at 9600)", "≤ 20 ms + wire"),
            ("codec", "hall bus encode / decode", $"{F(f.HallBusEncodeFramesPerSecond / 1e6, "0.00")} M / {F(f.HallBusDecodeFramesPerSecond / 1e6, "0.00")} M frames/s", ""),
            ("codec", "  the wire at 9600 baud", $"{F(f.HallBusWireFramesPerSecondAt9600, "0")} frames/s ({F(f.HallBusAverageFrameBytes, "0.0")} B average)", ""),
            ("print", "ticket, native QR", $"{f.TicketBytesNativeQr} B: {F(f.TicketWireSecondsNativeQrAt9600, "0.00")} s at 9600, {F(f.TicketWireSecondsNativeQrAt115200 * 1000, "0")} ms at 115200", "≤ 1 KB, ~1 s"),
            ("print", "ticket, raster QR", $"{f.TicketBytesRasterQr} B: {F(f.TicketWireSecondsRasterQrAt9600, "0.00")} s at 9600, {F(f.TicketWireSecondsRasterQrAt115200 * 1000, "0")} ms at 115200", ""),
            ("month", "statistics of a month", $"{F(f.MonthStatsFirstMs, "0")} ms first, {F(f.MonthStatsMs, "0")} ms median ({f.MonthTickets} tickets, {f.MonthEvents} events)", "≤ 1000 ms at 100 000"),
            ("month", "  monthly CSV report", $"{F(f.MonthlyCsvMs, "0")} ms ({f.MonthlyCsvBytes} B)", ""),
            ("month", "  against the month's size", string.Join(", ", f.MonthStatsCurve.Select(c => $"{c.Tickets}: {F(c.MedianMs, "0")} ms")), "≤ 1000 ms at 100 000"),
            ("month", "  the month once archived", $"{F(f.MonthStatsArchivedMedianMs, "0")} ms median (read through the history views)", "≤ 1000 ms at 100 000"),
            ("memory", "server working set, day by day", $"{F(f.MemoryStartBytes / 1048576.0, "0")} MB with {f.MemoryDisplays} displays, then " +
                string.Join(" → ", f.MemoryWorkingSetAfterDayBytes.Select(b => F(b / 1048576.0, "0") + " MB")) + $" after each day of {f.MemoryTicketsPerDay} tickets called", ""),
            ("memory", "  live heap after each day", f.MemoryLiveHeapAfterDayBytes.Count == 0 ? "(with --profile and dotnet-gcdump)"
                : string.Join(" → ", f.MemoryLiveHeapAfterDayBytes.Select(b => F(b / 1048576.0, "0.0") + " MB")), "level"),
            ("memory", "  growth after the first day", F(f.MemoryGrowthAfterFirstDay * 100, "0.0") + $" % over {Math.Max(0, f.MemoryDays - 1)} more days ({F(f.MemorySeconds, "0")} s)", "no growth (bounded caches)"),
            ("postgres", "PostgreSQL, two instances: issuing", $"{F(f.PostgresIssuePerSecond, "0")} /s, p99 {F(f.PostgresIssueP99Ms)} ms, server CPU {F(f.PostgresIssueServerCpuMsPerTicket, "0.00")} ms a ticket ({f.Kiosks} kiosks split, {f.PostgresIssueRefusals} refused)",
                f.IssueThroughputPerSecond > 0 ? $"SQLite, one instance: {F(f.IssueThroughputPerSecond, "0")} /s" : ""),
            ("postgres", "  call to board p50 / p99", $"{F(f.PostgresCallToBoardP50Ms)} / {F(f.PostgresCallToBoardP99Ms)} ms ({f.Displays} displays split, missed {f.PostgresCallToBoardMissed}; {F(f.PostgresCallServerCpuMsPerCall)} ms server CPU a cycle)",
                f.CallToBoardP99Ms > 0 ? $"SQLite: p99 {F(f.CallToBoardP99Ms)} ms, bare {F(f.BaselineBroadcastP99Ms)} ms" : ""),
            ("", "total time", F(f.TotalSeconds, "0") + " s", quickGoal(f)),
        };
        // Rows of the stages this run measured (--only leaves the others out), and the run itself.
        var rows = all.Where(r => r.Stage.Length == 0 || f.Stages.Contains(r.Stage)).Select(r => (r.Figure, r.Value, r.Goal)).ToList();
        var w1 = rows.Max(r => r.Figure.Length);
        var w2 = rows.Max(r => r.Value.Length);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"figure".PadRight(w1)} | {"value".PadRight(w2)} | goal");
        text.AppendLine(new string('-', w1 + w2 + 16));
        foreach (var (figure, value, goal) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{figure.PadRight(w1)} | {value.PadRight(w2)} | {goal}");
        }
        foreach (var missing in f.NotMeasured)
        {
            text.AppendLine("not measured: " + missing);
        }
        return text.ToString();

        static string quickGoal(BenchmarkFigures f) => f.Mode == "quick" ? "< 300 s" : "";
    }

    private static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
