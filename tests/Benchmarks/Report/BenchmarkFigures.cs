namespace Hall.Benchmarks.Report;

/// <summary>Everything one run measured; written as camelCase JSON (the contract's keys come first).</summary>
public sealed class BenchmarkFigures
{
    public double IssueThroughputPerSecond { get; set; }
    public double IssueP99Ms { get; set; }
    public double CallToBoardP50Ms { get; set; }
    public double CallToBoardP99Ms { get; set; }
    public double BaselineBroadcastP99Ms { get; set; }
    public int Displays { get; set; }
    public int Kiosks { get; set; }
    /// <summary>The same kiosks against a bare endpoint making one SQLite insert transaction per request, same durability.</summary>
    public double IssueBaselinePerSecond { get; set; }
    /// <summary>issueThroughputPerSecond ÷ issueBaselinePerSecond; the goal is at least 0.7.</summary>
    public double IssueVsBaseline { get; set; }
    /// <summary>From sending call-next to the last byte of the SHOW frame at the strip's end of the pseudo-terminal.</summary>
    public double CallToLedP99Ms { get; set; }
    /// <summary>Statistics (<c>GET /api/stats</c>) of a month of <see cref="MonthTickets"/> tickets: the median of five.</summary>
    public double MonthStatsMs { get; set; }

    /// <summary>Working set after each of <see cref="MemoryDays"/> days of <see cref="MemoryTicketsPerDay"/> tickets with <see cref="MemoryDisplays"/> displays connected.</summary>
    public List<long> MemoryWorkingSetAfterDayBytes { get; set; } = [];
    public long MemoryStartBytes { get; set; }
    /// <summary>With <c>--profile</c>: the live objects after each day (a heap dump runs a full collection first).</summary>
    public List<long> MemoryLiveHeapAfterDayBytes { get; set; } = [];
    public int MemoryTicketsPerDay { get; set; }
    public int MemoryDisplays { get; set; }
    public int MemoryDays { get; set; }
    /// <summary>(last day − first day) ÷ first day: near zero when nothing grows per ticket or call.</summary>
    public double MemoryGrowthAfterFirstDay { get; set; }
    public double MemorySeconds { get; set; }

    /// <summary>PostgreSQL, two server instances on one database: the same kiosks split between them.</summary>
    public double PostgresIssuePerSecond { get; set; }
    public double PostgresIssueP99Ms { get; set; }
    public double PostgresIssueServerCpuMsPerTicket { get; set; }
    public int PostgresIssueRefusals { get; set; }
    /// <summary>Calls on the first instance, the displays split between both.</summary>
    public double PostgresCallToBoardP50Ms { get; set; }
    public double PostgresCallToBoardP99Ms { get; set; }
    public int PostgresCallToBoardMissed { get; set; }
    public double PostgresCallServerCpuMsPerCall { get; set; }

    /// <summary>The other messages each display gets per call cycle, by hub method.</summary>
    public Dictionary<string, double> CallOtherMessagesByKind { get; set; } = [];

    public string Mode { get; set; } = "";
    /// <summary>The stages this run measured (all of them unless <c>--only</c> named some).</summary>
    public List<string> Stages { get; set; } = [];
    public DateTimeOffset StartedAt { get; set; }
    public double TotalSeconds { get; set; }
    public MachineInfo Machine { get; set; } = MachineInfo.Current();

    public double IssueSeconds { get; set; }
    public int IssueCount { get; set; }
    public double IssueP50Ms { get; set; }
    public double IssueP90Ms { get; set; }
    public double IssueMaxMs { get; set; }
    public Dictionary<string, int> IssueRefusals { get; set; } = [];
    public int IssueTransportErrors { get; set; }
    public int IssueServices { get; set; }
    /// <summary>CPU the QueueService spent per issued ticket: with C cores to itself it cannot issue more than C × 1000 ÷ this per second.</summary>
    public double IssueServerCpuMsPerTicket { get; set; }
    /// <summary>CPU this load driver spent per ticket (it shares the machine with the server).</summary>
    public double IssueDriverCpuMsPerTicket { get; set; }
    public double IssueBaselineP99Ms { get; set; }
    /// <summary>Open loop: tickets offered at a fixed rate (300 a second), answered or not.</summary>
    public int IssueOpenLoopOfferedPerSecond { get; set; }
    public int IssueOpenLoopIssued { get; set; }
    public double IssueOpenLoopP50Ms { get; set; }
    /// <summary>Timed from each request's due moment; the goal is at most 20 ms at 300 a second.</summary>
    public double IssueOpenLoopP99Ms { get; set; }
    public double IssueOpenLoopServerCpuMsPerTicket { get; set; }
    public Dictionary<string, int> IssueOpenLoopRefusals { get; set; } = [];
    /// <summary>With <c>--profile</c>: the top methods of the issuing server's sampled profile.</summary>
    public string? IssueProfile { get; set; }
    public double IssueBaselineServerCpuMsPerRequest { get; set; }

    public int Calls { get; set; }
    public double CallToBoardP90Ms { get; set; }
    public double CallToBoardMaxMs { get; set; }
    public int CallToBoardMissed { get; set; }
    public double CallRequestP50Ms { get; set; }
    public double CallRequestP99Ms { get; set; }
    /// <summary>QueueService CPU per call cycle (call-next, finish, and all they send to every display).</summary>
    public double CallServerCpuMsPerCall { get; set; }
    /// <summary>Hub messages besides TicketCalled each display got per call cycle (window and ticket changes, queue counts).</summary>
    public double CallOtherMessagesPerDisplay { get; set; }
    public double BaselineServerCpuMsPerBroadcast { get; set; }
    public double BaselineBroadcastP50Ms { get; set; }
    public double BaselineBroadcastP90Ms { get; set; }
    public int BaselineBroadcastMissed { get; set; }
    public int TicketCalledPayloadBytes { get; set; }
    /// <summary>callToBoardP99Ms ÷ baselineBroadcastP99Ms; the goal is at most 1.3 (500 displays).</summary>
    public double CallToBoardVsBaselineP99 { get; set; }
    /// <summary>The ratio as the boards grow: 100, 250, 500 and 1 000 displays in full mode, the one count in quick mode.</summary>
    public List<DisplayCountFigures> CallToBoardByDisplays { get; set; } = [];

    public int StripCalls { get; set; }
    /// <summary>From sending call-next to the SHOW frame with the number at window 1's LED strip (through the display computer).</summary>
    public double CallToStripP50Ms { get; set; }
    public double CallToStripP99Ms { get; set; }
    public int CallToStripMissed { get; set; }
    /// <summary>The SHOW frame's length and its time on the wire at the LED bus's 9600 baud: callToLedP99Ms's goal is this + 30 ms.</summary>
    public int ShowFrameBytes { get; set; }
    public double ShowFrameWireMsAt9600 { get; set; }

    public int Ratings { get; set; }
    /// <summary>From the RATING frame's last byte on the pseudo-terminal to TicketChanged(rated) at a hub client; the goal is ≤ 20 ms beyond the wire time.</summary>
    public double RatingFrameToAnnouncedP50Ms { get; set; }
    public double RatingFrameToAnnouncedP99Ms { get; set; }
    public int RatingFrameMissed { get; set; }
    public double RatingFrameWireMsAt9600 { get; set; }

    public double HallBusEncodeFramesPerSecond { get; set; }
    public double HallBusDecodeFramesPerSecond { get; set; }
    public double HallBusAverageFrameBytes { get; set; }
    public double HallBusWireFramesPerSecondAt9600 { get; set; }

    public int TicketBytesNativeQr { get; set; }
    public int TicketBytesRasterQr { get; set; }
    public double TicketWireSecondsNativeQrAt9600 { get; set; }
    public double TicketWireSecondsNativeQrAt115200 { get; set; }
    public double TicketWireSecondsRasterQrAt9600 { get; set; }
    public double TicketWireSecondsRasterQrAt115200 { get; set; }

    public int MonthTickets { get; set; }
    public int MonthEvents { get; set; }
    public double MonthSeedSeconds { get; set; }
    /// <summary><c>GET /api/stats</c> over the month: the first (cold) request and the median of five.</summary>
    public double MonthStatsFirstMs { get; set; }
    public double MonthStatsMedianMs { get; set; }
    public double MonthlyCsvMs { get; set; }
    public double MonthStatsArchivedMedianMs { get; set; }
    public long MonthlyCsvBytes { get; set; }
    /// <summary>Statistics of one month against its size: 10 000 tickets (and 1 000 000 in full mode) beside the 100 000 above.</summary>
    public List<StatsCurvePoint> MonthStatsCurve { get; set; } = [];

    public sealed record StatsCurvePoint(int Tickets, double MedianMs, double SeedSeconds);

    /// <summary>Parts of the issue's list this run did not measure, with why.</summary>
    public List<string> NotMeasured { get; set; } = [];

    public sealed record DisplayCountFigures(int Displays, double CallToBoardP99Ms, double BaselineP99Ms, double Ratio);

    public sealed record MachineInfo(int ProcessorCount, string Os, string Runtime, double LoadAverage1Min)
    {
        public static MachineInfo Current() => new(Environment.ProcessorCount,
            System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, ReadLoadAverage());

        /// <summary>Other work on the machine changes every figure: the one-minute load average says how busy it was.</summary>
        public static double ReadLoadAverage()
        {
            try
            {
                var text = File.ReadAllText("/proc/loadavg");
                return double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return double.NaN;
            }
            catch (UnauthorizedAccessException)
            {
                return double.NaN;
            }
        }
    }
}
