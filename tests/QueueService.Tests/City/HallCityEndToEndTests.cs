using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hall.QueueService.Tests.City;

/// <summary>
/// The contract's "Hall and city" end to end with real processes: a city on PostgreSQL, two halls on SQLite uplinking
/// to it. The city is killed with SIGKILL while the halls keep issuing and calling; a hall is killed while its backlog
/// is on its way. After each restart the city's figures come to equal the halls' own, and it holds each hall's events
/// exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HallCityEndToEndTests(PostgresServer postgres)
{
    private static readonly TimeSpan WithinAMinute = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Halls_keep_working_while_the_city_is_away_and_the_city_ends_up_with_every_event_once()
    {
        var cityDatabase = _cityDatabase = await postgres.CreateDatabaseAsync("city");
        var cityPort = FreePort.Next();
        string[] cityArguments = ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + cityDatabase, "--Queue:Role=city"];
        var city = await HostProcess.StartAsync("QueueService", cityPort, cityArguments);
        try
        {
            using var cityAdmin = AdminClient(city.BaseUrl);
            var halls = new Dictionary<string, HallUnderTest>();
            foreach (var (id, name) in new[] { ("north", "北区政务服务中心"), ("south", "南区政务服务中心") })
            {
                var issued = await (await cityAdmin.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId = id, name })).Content.ReadFromJsonAsync<JsonElement>();
                halls[id] = await HallUnderTest.StartAsync(id, name, city.BaseUrl, issued.GetProperty("key").GetString()!);
            }
            try
            {
                foreach (var hall in halls.Values)
                {
                    await hall.ServeAsync(visits: 4, waiting: 2);
                }
                await CityMatchesAsync(cityAdmin, halls.Values, city);

                // The city dies; the halls carry on.
                await city.KillHardAsync();
                await city.DisposeAsync();
                foreach (var hall in halls.Values)
                {
                    await hall.ServeAsync(visits: 3, waiting: 1);
                }
                var north = halls["north"];
                Assert.True(await north.BacklogAsync() > 0, "the hall keeps its events while the city is away");

                city = await HostProcess.StartAsync("QueueService", cityPort, cityArguments);
                await CityMatchesAsync(cityAdmin, halls.Values, city);

                // A hall dies while a long backlog is on its way (the city away again, then back, and the hall killed as soon as a batch landed).
                await city.KillHardAsync();
                await city.DisposeAsync();
                await north.ServeAsync(visits: 12, waiting: 3);
                var before = await CityEventCountAsync(cityDatabase, "north");
                city = await HostProcess.StartAsync("QueueService", cityPort, cityArguments);
                await Eventually.TrueAsync(async () => await CityEventCountAsync(cityDatabase, "north") > before, WithinAMinute, () => city.Output);
                await north.KillAndRestartAsync();
                await north.ServeAsync(visits: 1, waiting: 0);
                await CityMatchesAsync(cityAdmin, halls.Values, city);

                var listed = await cityAdmin.GetFromJsonAsync<JsonElement>("/api/city/halls");
                foreach (var h in listed.EnumerateArray())
                {
                    Assert.Equal(0, h.GetProperty("backlog").GetInt64());
                    Assert.NotEqual(JsonValueKind.Null, h.GetProperty("lastEventAt").ValueKind);
                }
                using (var metrics = new HttpClient { BaseAddress = new Uri(north.BaseUrl) })
                {
                    var lines = (await metrics.GetStringAsync("/metrics")).Split('\n').Where(l => l.StartsWith("hall_uplink_", StringComparison.Ordinal)).ToList();
                    Assert.Contains(lines, l => l.StartsWith("hall_uplink_backlog", StringComparison.Ordinal) && l.EndsWith(" 0", StringComparison.Ordinal));
                    Assert.Contains(lines, l => l.StartsWith("hall_uplink_last_success_seconds", StringComparison.Ordinal));
                    Assert.Contains(lines, l => l.StartsWith("hall_uplink_sent_total", StringComparison.Ordinal));
                }
                var csv = await cityAdmin.GetStringAsync($"/api/city/reports/monthly?month={HallUnderTest.Today[..7]}");
                Assert.Equal(3, csv.Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
                Assert.Contains("北区政务服务中心", csv, StringComparison.Ordinal);
            }
            finally
            {
                foreach (var hall in halls.Values)
                {
                    await hall.DisposeAsync();
                }
            }
        }
        finally
        {
            await city.DisposeAsync();
        }
    }

    /// <summary>Within a minute, per hall: the city's figures are the hall's own, and it holds every event of the hall once.</summary>
    private async Task CityMatchesAsync(HttpClient cityAdmin, IEnumerable<HallUnderTest> halls, HostProcess city)
    {
        foreach (var hall in halls)
        {
            var expected = await hall.FiguresAsync();
            string? seen = null;
            await Eventually.TrueAsync(async () =>
            {
                var stats = await cityAdmin.GetFromJsonAsync<JsonElement>($"/api/city/stats?from={HallUnderTest.Today}&to={HallUnderTest.Today}");
                seen = Figures(stats.GetProperty("halls").EnumerateArray().Single(h => h.GetProperty("hallId").GetString() == hall.Id));
                return seen == expected && await hall.BacklogAsync() == 0;
            }, WithinAMinute, () => $"{hall.Id}: hall {expected}\ncity {seen}\n{hall.Output}\n{city.Output}");
            Assert.Equal(await hall.EventCountAsync(), await CityEventCountAsync(_cityDatabase!, hall.Id));
        }
    }

    private string? _cityDatabase;

    internal static string Figures(JsonElement f) => string.Join(" ", new[]
    {
        "issued", "served", "noShow", "rated", "avgWaitSeconds", "p90WaitSeconds", "avgServiceSeconds", "satisfactionRate", "sameDayCompletionRate",
        "onTheSpotRate", "servedWithinPromised",
    }.Select(k => $"{k}={f.GetProperty(k)}")) + " outcomes=" + f.GetProperty("outcomes");

    private static async Task<long> CityEventCountAsync(string connectionString, string hallId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM city_events WHERE hall_id = @hall", connection);
        command.Parameters.AddWithValue("hall", hallId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static HttpClient AdminClient(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        return client;
    }

    /// <summary>A hall server process on its own SQLite folder, uplinking to the city.</summary>
    private sealed class HallUnderTest : IAsyncDisposable
    {
        private readonly string[] _arguments;
        private readonly int _port;
        private readonly string _dataDirectory;
        private HostProcess _process;
        private int _nextWindowTicket;

        private HallUnderTest(string id, string[] arguments, int port, string dataDirectory, HostProcess process)
        {
            Id = id;
            _arguments = arguments;
            _port = port;
            _dataDirectory = dataDirectory;
            _process = process;
        }

        public string Id { get; }

        public string Output => _process.Output;

        public string BaseUrl => _process.BaseUrl;

        /// <summary>The hall's date now (Asia/Shanghai, the demo hall's zone).</summary>
        public static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public static async Task<HallUnderTest> StartAsync(string id, string name, string cityUrl, string key)
        {
            var folder = TestPaths.NewTempDirectory("uplink-" + id);
            var file = Path.Combine(folder, "hall.json");
            await File.WriteAllTextAsync(file, HallFileLoader.Serialize(HallFileLoader.LoadDemoHall() with { Id = id, Name = name }));
            var data = Path.Combine(folder, "data");
            string[] arguments = ["--Queue:DataDirectory=" + data, "--Queue:HallFile=" + file, "--Uplink:Url=" + cityUrl, "--Uplink:HallKey=" + key,
                "--Uplink:BatchSize=3", "--Uplink:PollInterval=00:00:00.100", "--Uplink:RetryDelay=00:00:00.200", "--Uplink:MaxRetryDelay=00:00:00.500",
                "--Uplink:HeartbeatInterval=00:00:01"];
            var port = FreePort.Next();
            return new HallUnderTest(id, arguments, port, data, await HostProcess.StartAsync("QueueService", port, arguments));
        }

        /// <summary>Tickets issued, called and finished (every other one a 承诺件, a rating on each), and some left waiting.</summary>
        public async Task ServeAsync(int visits, int waiting)
        {
            using var http = new HttpClient { BaseAddress = new Uri(_process.BaseUrl) };
            for (var i = 0; i < visits + waiting; i++)
            {
                (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
            }
            var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin }))
                .Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
            using var clerk = new HttpClient { BaseAddress = http.BaseAddress };
            clerk.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
            for (var i = 0; i < visits; i++)
            {
                (await clerk.PostAsync("/api/windows/1/call-next", null)).EnsureSuccessStatusCode();
                var outcome = _nextWindowTicket++ % 2 == 0 ? new { outcome = "completed" } : (object)new { outcome = "accepted", caseNumber = "SP-" + i };
                (await clerk.PostAsJsonAsync("/api/windows/1/finish", outcome)).EnsureSuccessStatusCode();
                (await http.PostAsJsonAsync("/api/windows/1/rate", new { level = i % 3 == 0 ? 2 : 5 })).EnsureSuccessStatusCode();
            }
        }

        public async Task<string> FiguresAsync()
        {
            using var admin = AdminClient(_process.BaseUrl);
            var stats = await admin.GetFromJsonAsync<JsonElement>($"/api/stats?from={Today}&to={Today}");
            return Figures(stats.GetProperty("total"));
        }

        public async Task<long> BacklogAsync()
        {
            using var admin = AdminClient(_process.BaseUrl);
            return (await admin.GetFromJsonAsync<JsonElement>("/api/supervision/uplink")).GetProperty("backlog").GetInt64();
        }

        public async Task<long> EventCountAsync()
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "queue.db")};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT COUNT(*) FROM events WHERE hall_id = $hall) + (SELECT COUNT(*) FROM events_archive WHERE hall_id = $hall)";
            command.Parameters.AddWithValue("$hall", Id);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async Task KillAndRestartAsync()
        {
            await _process.KillHardAsync();
            await _process.DisposeAsync();
            _process = await HostProcess.StartAsync("QueueService", _port, _arguments);
        }

        public ValueTask DisposeAsync() => _process.DisposeAsync();
    }
}
