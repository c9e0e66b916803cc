using System.Diagnostics;
using System.Text.Json;
using Hall.Benchmarks.Hosting;
using Hall.Benchmarks.Load;
using Hall.Benchmarks.Micro;
using Hall.Benchmarks.Report;
using Hall.TestSupport.Serial;

namespace Hall.Benchmarks;

/// <summary>One benchmark run: each stage on its own fresh server, figures gathered into <see cref="BenchmarkFigures"/>.</summary>
public static class BenchmarkRun
{
    /// <summary>With ~2 000 tickets a second for 10 s plus up to 10 s of warm-up, 100 services × 999 leave ample room.</summary>
    private const int IssueServices = 100;

    public static async Task<BenchmarkFigures> RunAsync(BenchmarkOptions options)
    {
        var figures = new BenchmarkFigures { Mode = options.Mode, StartedAt = DateTimeOffset.Now, Kiosks = options.Kiosks, Displays = options.Displays,
            Stages = [.. BenchmarkOptions.StageNames.Where(options.Runs)] };
        var total = Stopwatch.StartNew();

        if (options.Runs("issue"))
        {
            Stage("ticket issuing", $"{options.Kiosks} kiosks for {options.IssueDuration.TotalSeconds:0} s");
            var (issueDir, hallFile, serviceIds) = NewBenchmarkHall("issue");
            await using (var server = await ChildHost.StartQueueServiceAsync(Path.Combine(issueDir, "data"), hallFile, profiled: options.ProfileDirectory is not null))
            {
                var load = IssueLoad.RunAsync(server.BaseUrl, options.Kiosks, serviceIds, options.IssueWarmUp, options.IssueDuration, () => server.CpuTime);
                if (options.ProfileDirectory is { } profiles)
                {
                    // Sampled while the kiosks are measured: the figures of a profiled run are lower than an unprofiled one's.
                    await Task.Delay(options.IssueWarmUp + TimeSpan.FromSeconds(1));
                    figures.IssueProfile = await SampledProfile.CollectAsync(profiles, "issue", server.ProcessId, options.IssueDuration - TimeSpan.FromSeconds(2));
                }
                var issue = await load;
                figures.IssueServices = serviceIds.Count;
                figures.IssueSeconds = issue.Seconds;
                figures.IssueCount = issue.Issued;
                figures.IssueThroughputPerSecond = issue.ThroughputPerSecond;
                figures.IssueP50Ms = issue.Latency.P50Ms;
                figures.IssueP90Ms = issue.Latency.P90Ms;
                figures.IssueP99Ms = issue.Latency.P99Ms;
                figures.IssueMaxMs = issue.Latency.MaxMs;
                figures.IssueRefusals = issue.Refusals.ToDictionary();
                figures.IssueTransportErrors = issue.Errors;
                figures.IssueServerCpuMsPerTicket = issue.ServerCpuMsPerTicket;
                figures.IssueDriverCpuMsPerTicket = issue.DriverCpuMsPerTicket;
            }

            Stage("ticket issuing, open loop", $"{options.OpenLoopTicketsPerSecond} tickets a second offered for {options.IssueDuration.TotalSeconds:0} s, each timed from its due moment");
            await using (var server = await ChildHost.StartQueueServiceAsync(Path.Combine(RepositoryPaths.NewTempDirectory("issue-open"), "data"), hallFile))
            {
                // A short closed-loop warm-up first, so that the open loop does not measure the JIT.
                await IssueLoad.RunAsync(server.BaseUrl, 4, serviceIds, TimeSpan.Zero, options.IssueWarmUp, () => server.CpuTime);
                var open = await IssueOpenLoad.RunAsync(server.BaseUrl, options.OpenLoopTicketsPerSecond, serviceIds, options.IssueDuration, () => server.CpuTime);
                figures.IssueOpenLoopOfferedPerSecond = open.OfferedPerSecond;
                figures.IssueOpenLoopIssued = open.Issued;
                figures.IssueOpenLoopP50Ms = open.Latency.P50Ms;
                figures.IssueOpenLoopP99Ms = open.Latency.P99Ms;
                figures.IssueOpenLoopServerCpuMsPerTicket = open.ServerCpuMsPerTicket;
                figures.IssueOpenLoopRefusals = open.Refusals.ToDictionary();
            }

            Stage("issuing baseline", $"the same {options.Kiosks} kiosks against a bare endpoint: one SQLite insert transaction per request");
            await using (var bare = await ChildHost.StartBaselineIssueAsync(RepositoryPaths.NewTempDirectory("issue-baseline")))
            {
                var baseline = await IssueLoad.RunAsync(bare.BaseUrl, options.Kiosks, serviceIds, options.IssueWarmUp, options.IssueDuration, () => bare.CpuTime);
                figures.IssueBaselinePerSecond = baseline.ThroughputPerSecond;
                figures.IssueBaselineP99Ms = baseline.Latency.P99Ms;
                figures.IssueBaselineServerCpuMsPerRequest = baseline.ServerCpuMsPerTicket;
            }
            figures.IssueVsBaseline = figures.IssueThroughputPerSecond / figures.IssueBaselinePerSecond;
        }

        CallToBoard.Result? call = null;
        if (options.Runs("board"))
        {
            call = await CallToBoardStagesAsync(options, figures);
        }

        if (options.Runs("strip"))
        {
            Stage("call to LED strip", $"{options.StripCalls} calls through the display computer to a strip on a pseudo-terminal bus");
            if (OperatingSystem.IsWindows())
            {
                figures.NotMeasured.Add("call to LED strip: needs socat pseudo-terminals (Linux)");
            }
            else
            {
                await using var strips = await BusRig.StartAsync();
                strips.Devices.AddLedStrip(CallToStrip.Window1Strip);
                await using var server = await ChildHost.StartQueueServiceAsync(RepositoryPaths.NewTempDirectory("strip"));
                await using var board = await ChildHost.StartDisplayBoardAsync(server.BaseUrl, strips.HostPortPath);
                var strip = await CallToStrip.RunAsync(server.BaseUrl, strips, options.StripCalls);
                figures.StripCalls = strip.Calls;
                figures.CallToStripP50Ms = strip.ToStrip.P50Ms;
                figures.CallToStripP99Ms = strip.ToStrip.P99Ms;
                figures.CallToStripMissed = strip.Missed;
                figures.CallToLedP99Ms = strip.ToStrip.P99Ms;
                figures.ShowFrameBytes = strip.ShowFrameBytes;
                figures.ShowFrameWireMsAt9600 = strip.ShowFrameWireMs(9600);
            }
        }

        if (options.Runs("rating"))
        {
            Stage("rating frame", $"{options.Ratings} evaluator presses on a pseudo-terminal bus");
            if (OperatingSystem.IsWindows())
            {
                figures.NotMeasured.Add("rating frame to stored and announced: needs socat pseudo-terminals (Linux)");
            }
            else
            {
                using var pair = await PseudoTerminalPair.StartAsync();
                await using var server = await ChildHost.StartQueueServiceAsync(RepositoryPaths.NewTempDirectory("rating"), busPort: pair.FirstPath);
                var rating = await RatingFrameLatency.RunAsync(server.BaseUrl, pair.SecondPath, options.Ratings);
                figures.Ratings = rating.Ratings;
                figures.RatingFrameToAnnouncedP50Ms = rating.FrameToAnnounced.P50Ms;
                figures.RatingFrameToAnnouncedP99Ms = rating.FrameToAnnounced.P99Ms;
                figures.RatingFrameMissed = rating.Missed;
                figures.RatingFrameWireMsAt9600 = RatingFrameLatency.FrameWireMilliseconds(9600);
            }
        }

        if (options.Runs("codec"))
        {
            Stage("hall bus codec", "encode and decode a mixed frame stream");
            var codec = HallBusCodecThroughput.Run(TimeSpan.FromSeconds(options.Quick ? 2 : 6));
            figures.HallBusEncodeFramesPerSecond = codec.EncodeFramesPerSecond;
            figures.HallBusDecodeFramesPerSecond = codec.DecodeFramesPerSecond;
            figures.HallBusAverageFrameBytes = codec.AverageFrameBytes;
            figures.HallBusWireFramesPerSecondAt9600 = codec.FramesPerSecondOnWireAt9600;
        }

        if (options.Runs("print") && call?.SampleTicket is null)
        {
            figures.NotMeasured.Add("ticket printing: lays out a ticket the call-to-board stage issued (add board to --only)");
        }
        else if (options.Runs("print") && call?.SampleTicket is { } ticket)
        {
            Stage("ticket printing", "the kiosk's layout of a real issued ticket");
            var print = TicketPrintSize.Measure(ticket);
            figures.TicketBytesNativeQr = print.NativeQrBytes;
            figures.TicketBytesRasterQr = print.RasterQrBytes;
            figures.TicketWireSecondsNativeQrAt9600 = print.NativeSecondsAt(9600);
            figures.TicketWireSecondsNativeQrAt115200 = print.NativeSecondsAt(115200);
            figures.TicketWireSecondsRasterQrAt9600 = print.RasterSecondsAt(9600);
            figures.TicketWireSecondsRasterQrAt115200 = print.RasterSecondsAt(115200);
        }

        if (options.Runs("month"))
        {
            Stage("statistics of a month", $"{options.MonthTickets} tickets of October in the database, GET /api/stats and the monthly CSV");
            var month = await MonthStatistics.RunAsync(RepositoryPaths.NewTempDirectory("month"), options.MonthTickets, repeats: 5, options.ProfileDirectory);
            figures.MonthTickets = month.Tickets;
            figures.MonthEvents = month.Events;
            figures.MonthSeedSeconds = month.SeedSeconds;
            figures.MonthStatsFirstMs = month.StatsFirstMs;
            figures.MonthStatsMedianMs = month.StatsMedianMs;
            figures.MonthStatsMs = month.StatsMedianMs;
            figures.MonthlyCsvMs = month.MonthlyCsvMs;
            figures.MonthStatsArchivedMedianMs = month.ArchivedStatsMedianMs;
            figures.MonthlyCsvBytes = month.CsvBytes;
            figures.MonthStatsCurve.Add(new(month.Tickets, month.StatsMedianMs, month.SeedSeconds));
            foreach (var size in options.MonthCurveTickets)
            {
                Stage("statistics curve", $"{size} tickets in October");
                var (seedSeconds, median) = await MonthStatistics.CurvePointAsync(RepositoryPaths.NewTempDirectory("curve"), size, repeats: 3);
                figures.MonthStatsCurve.Add(new(size, median, seedSeconds));
            }
            figures.MonthStatsCurve.Sort((a, b) => a.Tickets.CompareTo(b.Tickets));
        }

        if (options.Runs("postgres"))
        {
            Stage("PostgreSQL, two instances", $"{options.Kiosks} kiosks and then {options.Displays} displays split between two servers on one database");
            var (_, pgHall, pgServices) = NewBenchmarkHall("pg-hall");
            var pg = await PostgresPair.RunAsync(pgHall, pgServices, options.Kiosks, options.IssueWarmUp, options.IssueDuration, options.Displays,
                options.Calls, options.CallSpacing);
            figures.PostgresIssuePerSecond = pg.IssuePerSecond;
            figures.PostgresIssueP99Ms = pg.IssueP99Ms;
            figures.PostgresIssueServerCpuMsPerTicket = pg.IssueServerCpuMsPerTicket;
            figures.PostgresIssueRefusals = pg.IssueRefusals;
            figures.PostgresCallToBoardP50Ms = pg.CallToBoardP50Ms;
            figures.PostgresCallToBoardP99Ms = pg.CallToBoardP99Ms;
            figures.PostgresCallToBoardMissed = pg.CallToBoardMissed;
            figures.PostgresCallServerCpuMsPerCall = pg.CallServerCpuMsPerCall;
        }

        if (options.Runs("memory"))
        {
            Stage("memory over days", $"{options.MemoryDays} days of {options.MemoryTicketsPerDay} tickets issued and called with {options.MemoryDisplays} displays connected");
            var (memoryDir, memoryHall, memoryServices) = NewBenchmarkHall("memory");
            await using var server = await ChildHost.StartQueueServiceAsync(Path.Combine(memoryDir, "data"), memoryHall,
                more: ["--RateLimits:HubNegotiationsPerMinute=100000"]);
            var memory = await MemoryOverDays.RunAsync(server.BaseUrl, () => server.WorkingSetBytes, memoryServices, options.MemoryDisplays,
                options.MemoryTicketsPerDay, options.MemoryDays,
                options.ProfileDirectory is { } heaps
                    ? async day =>
                    {
                        if (await SampledProfile.HeapDumpAsync(heaps, $"memory-day{day}", server.ProcessId) is { } live)
                        {
                            figures.MemoryLiveHeapAfterDayBytes.Add(live);
                        }
                    }
                    : null);
            figures.MemoryStartBytes = memory.StartBytes;
            figures.MemoryWorkingSetAfterDayBytes = [.. memory.WorkingSetAfterDayBytes];
            figures.MemoryTicketsPerDay = memory.TicketsPerDay;
            figures.MemoryDisplays = memory.Displays;
            figures.MemoryDays = memory.WorkingSetAfterDayBytes.Count;
            figures.MemoryGrowthAfterFirstDay = memory.GrowthAfterFirstDay;
            figures.MemorySeconds = memory.Seconds;
        }

        figures.TotalSeconds = total.Elapsed.TotalSeconds;
        figures.Machine = BenchmarkFigures.MachineInfo.Current();
        return figures;
    }

    /// <summary>Call to board at the run's display count against the bare hub, then at the other counts of the growth curve.</summary>
    private static async Task<CallToBoard.Result> CallToBoardStagesAsync(BenchmarkOptions options, BenchmarkFigures figures)
    {
        CallToBoard.Result call;
        Stage("call to board", $"{options.Displays} displays, {options.Calls} calls on the demo hall");
                // Every simulated display connects from loopback, where a hall's boards each have an address of their own:
        // the per-address limit on hub negotiations would refuse all but the first 60.
        await using (var server = await ChildHost.StartQueueServiceAsync(RepositoryPaths.NewTempDirectory("call"),
            more: ["--RateLimits:HubNegotiationsPerMinute=100000"]))
        {
            call = await CallToBoard.RunAsync(server.BaseUrl, options.Displays, options.Calls, options.CallSpacing, () => server.CpuTime);
        }
        figures.Calls = call.Calls;
        figures.CallToBoardP50Ms = call.ToBoard.P50Ms;
        figures.CallToBoardP90Ms = call.ToBoard.P90Ms;
        figures.CallToBoardP99Ms = call.ToBoard.P99Ms;
        figures.CallToBoardMaxMs = call.ToBoard.MaxMs;
        figures.CallToBoardMissed = call.Missed;
        figures.CallRequestP50Ms = call.CallRequest.P50Ms;
        figures.CallRequestP99Ms = call.CallRequest.P99Ms;
        figures.CallServerCpuMsPerCall = call.ServerCpuMsPerCall;
        figures.CallOtherMessagesPerDisplay = call.OtherMessagesPerDisplayPerCall;
        figures.CallOtherMessagesByKind = call.OtherByKind.ToDictionary();

        Stage("baseline", $"bare SignalR hub, {options.Displays} clients, {options.Calls} broadcasts of the same payload");
        var sample = call.SampleMessage ?? throw new InvalidOperationException("No display received a TicketCalled, so there is no payload to compare with.");
        var payloadJson = JsonSerializer.Serialize(sample, JsonSerializerOptions.Web);
        figures.TicketCalledPayloadBytes = System.Text.Encoding.UTF8.GetByteCount(payloadJson);
        var payloadFile = Path.Combine(RepositoryPaths.NewTempDirectory("baseline"), "payload.json");
        await File.WriteAllTextAsync(payloadFile, payloadJson);
        await using (var bare = await ChildHost.StartBaselineHubAsync(payloadFile))
        {
            var baseline = await BaselineBroadcast.RunAsync(bare.BaseUrl, options.Displays, options.Calls, options.CallSpacing, () => bare.CpuTime);
            figures.BaselineServerCpuMsPerBroadcast = baseline.ServerCpuMsPerBroadcast;
            figures.BaselineBroadcastP50Ms = baseline.ToClient.P50Ms;
            figures.BaselineBroadcastP90Ms = baseline.ToClient.P90Ms;
            figures.BaselineBroadcastP99Ms = baseline.ToClient.P99Ms;
            figures.BaselineBroadcastMissed = baseline.Missed;
        }
        figures.CallToBoardVsBaselineP99 = figures.CallToBoardP99Ms / figures.BaselineBroadcastP99Ms;
        figures.CallToBoardByDisplays.Add(new(options.Displays, figures.CallToBoardP99Ms, figures.BaselineBroadcastP99Ms, figures.CallToBoardVsBaselineP99));
        foreach (var displays in options.MoreDisplayCounts)
        {
            Stage("call to board and bare broadcast", $"{displays} displays, {options.Calls} calls each");
            figures.CallToBoardByDisplays.Add(await BoardAgainstBaselineAsync(displays, options, payloadFile));
        }
        figures.CallToBoardByDisplays.Sort((a, b) => a.Displays.CompareTo(b.Displays));
        return call;
    }

    /// <summary>One more display count for the growth curve: call to board on a fresh server, then the bare hub.</summary>
    private static async Task<BenchmarkFigures.DisplayCountFigures> BoardAgainstBaselineAsync(int displays, BenchmarkOptions options, string payloadFile)
    {
        double board;
        await using (var server = await ChildHost.StartQueueServiceAsync(RepositoryPaths.NewTempDirectory("call"),
            more: ["--RateLimits:HubNegotiationsPerMinute=100000"]))
        {
            board = (await CallToBoard.RunAsync(server.BaseUrl, displays, options.Calls, options.CallSpacing, () => server.CpuTime)).ToBoard.P99Ms;
        }
        await using var bare = await ChildHost.StartBaselineHubAsync(payloadFile);
        var baseline = (await BaselineBroadcast.RunAsync(bare.BaseUrl, displays, options.Calls, options.CallSpacing, () => bare.CpuTime)).ToClient.P99Ms;
        return new(displays, board, baseline, board / baseline);
    }

    /// <summary>A fresh directory with the benchmark hall file in it (<see cref="IssueServices"/> services), and their ids.</summary>
    private static (string Directory, string HallFile, IReadOnlyList<int> ServiceIds) NewBenchmarkHall(string prefix)
    {
        var directory = RepositoryPaths.NewTempDirectory(prefix);
        var hallFile = Path.Combine(directory, "bench-hall.json");
        return (directory, hallFile, BenchmarkHall.Write(hallFile, IssueServices));
    }

    private static void Stage(string name, string detail) =>
        Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}: {detail}");
}
