using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Benchmarks.Report;
using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.TestSupport;

namespace Hall.Benchmarks.Load;

/// <summary>
/// A clerk at window 1 calls, again and again, while <c>displays</c> hub clients listen: the delay from sending
/// <c>POST /api/windows/1/call-next</c> to <c>TicketCalled</c> at each display, over every (call × display).
/// </summary>
public static class CallToBoard
{
    public sealed record Result(int Displays, int Calls, LatencySummary ToBoard, LatencySummary CallRequest, int Missed,
        TicketCalled? SampleMessage, IssuedTicket? SampleTicket, double ServerCpuMsPerCall,
        double OtherMessagesPerDisplayPerCall)
    {
        /// <summary>The other messages per display per call cycle, by hub method.</summary>
        public IReadOnlyDictionary<string, double> OtherByKind { get; init; } = new Dictionary<string, double>();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="displayServers">Where the displays connect, in turn; the calling server alone unless given (two instances on PostgreSQL).</param>
    public static async Task<Result> RunAsync(Uri server, int displays, int calls, TimeSpan spacing, Func<TimeSpan> serverCpu,
        IReadOnlyList<Uri>? displayServers = null)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };

        IssuedTicket? sample = null;
        // Real-name services (requiresId) would need an ID number per ticket; the calls do not care which service.
        var services = (await http.GetFromJsonAsync<List<ServiceInfo>>("/api/services", Json))!.Where(s => !s.RequiresId).Select(s => s.Id).ToList();
        for (var i = 0; i < calls + 5; i++)
        {
            using var issued = await http.PostAsJsonAsync("/api/tickets", new { serviceId = services[i % services.Count] });
            await EnsureAsync(issued, HttpStatusCode.Created, "issuing the tickets to call");
            sample ??= await issued.Content.ReadFromJsonAsync<IssuedTicket>(Json);
        }

        using var login = await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        await EnsureAsync(login, HttpStatusCode.OK, "the clerk's login");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await using var fleet = await DisplayFleet.ConnectAsync(displayServers ?? [server], HallHub.Path, displays);
        var delays = new List<long>(displays * calls);
        var requestTimes = new List<long>(calls);
        var missed = 0;
        var cpuBefore = serverCpu();
        var otherBefore = fleet.OtherMessages;
        var byKindBefore = fleet.OtherMessagesByKind.ToDictionary();
        for (var call = 0; call < calls; call++)
        {
            var round = fleet.Begin();
            round.MarkSent();
            using (var response = await http.PostAsync(new Uri("/api/windows/1/call-next", UriKind.Relative), null))
            {
                requestTimes.Add(Stopwatch.GetTimestamp() - round.SentAt);
                await EnsureAsync(response, HttpStatusCode.OK, "call-next");
            }
            await WaitAsync(round);
            delays.AddRange(round.Delays());
            missed += displays - round.Arrivals;
            using (var finish = await http.PostAsync(new Uri("/api/windows/1/finish", UriKind.Relative), null))
            {
                await EnsureAsync(finish, HttpStatusCode.OK, "finish");
            }
            await Task.Delay(spacing);
        }
        // Call, finish and everything they send to every display: the server's whole cost of one call cycle.
        var cpuPerCall = (serverCpu() - cpuBefore).TotalMilliseconds / calls;
        return new Result(displays, calls, LatencySummary.FromTicks(delays), LatencySummary.FromTicks(requestTimes), missed,
            fleet.FirstMessage, sample, cpuPerCall, (fleet.OtherMessages - otherBefore) / (double)displays / calls)
        {
            OtherByKind = fleet.OtherMessagesByKind.ToDictionary(p => p.Key, p => (p.Value - byKindBefore.GetValueOrDefault(p.Key)) / (double)displays / calls),
        };
    }

    /// <summary>Every display normally has it within milliseconds; ten seconds means it was lost.</summary>
    public static async Task WaitAsync(DisplayFleet.Round round)
    {
        try
        {
            await round.AllArrived.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
        }
    }

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }
}
