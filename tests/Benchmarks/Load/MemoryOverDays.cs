using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Hub;
using Hall.TestSupport;

namespace Hall.Benchmarks.Load;

/// <summary>
/// The server's memory over working days: <c>displays</c> hub clients stay connected while each "day" issues
/// <c>ticketsPerDay</c> tickets from the kiosks' endpoint and a clerk at window 1 calls and finishes every one of them
/// (each call reaching every display). The working set is read after the first day and after each further one: a
/// server that keeps something per ticket, per call or per request (an unbounded cache) grows day by day, one whose
/// memory is bounded levels off after the first. The day is a volume, not the hall's clock: the server runs on real
/// time, so its day-end housekeeping does not run in between.
/// </summary>
public static class MemoryOverDays
{
    public sealed record Result(int Displays, int TicketsPerDay, IReadOnlyList<long> WorkingSetAfterDayBytes, long StartBytes, double Seconds)
    {
        /// <summary>Growth from the end of the first day to the end of the last, as a share of the first.</summary>
        public double GrowthAfterFirstDay => WorkingSetAfterDayBytes.Count < 2 ? 0
            : (WorkingSetAfterDayBytes[^1] - WorkingSetAfterDayBytes[0]) / (double)WorkingSetAfterDayBytes[0];
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="afterDay">Called with the day's number once its working set is read (a heap dump with <c>--profile</c>).</param>
    public static async Task<Result> RunAsync(Uri server, Func<long> workingSet, IReadOnlyList<int> serviceIds, int displays, int ticketsPerDay, int days,
        Func<int, Task>? afterDay = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        using var kiosks = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        using var clerk = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        using var login = await clerk.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin });
        await CallToBoard.EnsureAsync(login, HttpStatusCode.OK, "the clerk's login");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("token").GetString();
        clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await using var fleet = await DisplayFleet.ConnectAsync(server, HallHub.Path, displays);
        var start = workingSet();
        var after = new List<long>();
        var issued = 0;
        for (var day = 0; day < days; day++)
        {
            // The morning's tickets, 16 kiosks at a time, then the day's calls one after another.
            var next = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, 16), async (_, cancel) =>
            {
                while (Interlocked.Increment(ref next) <= ticketsPerDay)
                {
                    var serviceId = serviceIds[Interlocked.Increment(ref issued) % serviceIds.Count];
                    using var response = await kiosks.PostAsJsonAsync("/api/tickets", new { serviceId }, cancel);
                    await CallToBoard.EnsureAsync(response, HttpStatusCode.Created, "issuing a day's tickets");
                }
            });
            for (var call = 0; call < ticketsPerDay; call++)
            {
                var round = fleet.Begin();
                round.MarkSent();
                using (var response = await clerk.PostAsync(new Uri("/api/windows/1/call-next", UriKind.Relative), null))
                {
                    await CallToBoard.EnsureAsync(response, HttpStatusCode.OK, "call-next");
                }
                await CallToBoard.WaitAsync(round);
                using var finish = await clerk.PostAsync(new Uri("/api/windows/1/finish", UriKind.Relative), null);
                await CallToBoard.EnsureAsync(finish, HttpStatusCode.OK, "finish");
            }
            // Let the coalesced queue counts and the outboxes settle before reading the memory.
            await Task.Delay(TimeSpan.FromSeconds(2));
            after.Add(workingSet());
            if (afterDay is not null)
            {
                await afterDay(day + 1);
            }
        }
        return new Result(displays, ticketsPerDay, after, start, clock.Elapsed.TotalSeconds);
    }
}
