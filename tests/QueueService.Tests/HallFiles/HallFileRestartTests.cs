using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.HallFiles;

/// <summary>
/// A server started with <c>Queue:HallFile</c> keeps the administrator's changes across a restart with the same file,
/// and takes the file again once somebody has edited it.
/// </summary>
public sealed class HallFileRestartTests
{
    [Fact]
    public async Task The_administrator_s_changes_survive_a_restart_with_the_same_file_and_an_edited_file_wins()
    {
        var folder = TestPaths.NewTempDirectory("hall-file-restart");
        var file = Path.Combine(folder, "hall.json");
        var demo = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "QueueService", "HallSetup", "DemoHall.json"));
        await File.WriteAllTextAsync(file, demo);
        string[] arguments = ["--Queue:DataDirectory=" + Path.Combine(folder, "data"), "--Queue:HallFile=" + file];

        await using (var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), arguments))
        {
            using var admin = Admin(server.BaseUrl);
            var window = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/windows/1"))!;
            window["name"] = "1号综合窗口（改）";
            (await admin.PutAsJsonAsync("/api/admin/windows/1", window)).EnsureSuccessStatusCode();
        }
        await using (var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), arguments))
        {
            Assert.Equal("1号综合窗口（改）", await WindowNameAsync(server.BaseUrl));
        }

        await File.WriteAllTextAsync(file, demo.Replace("\"maxRecalls\": 3", "\"maxRecalls\": 4", StringComparison.Ordinal));
        await using (var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), arguments))
        {
            Assert.NotEqual("1号综合窗口（改）", await WindowNameAsync(server.BaseUrl));
            using var admin = Admin(server.BaseUrl);
            Assert.Equal(4, (await admin.GetFromJsonAsync<JsonElement>("/api/admin/hall")).GetProperty("maxRecalls").GetInt32());
        }
    }

    private static HttpClient Admin(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        return client;
    }

    private static async Task<string?> WindowNameAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var windows = await http.GetFromJsonAsync<JsonElement>("/api/windows");
        return windows.EnumerateArray().Single(w => w.GetProperty("number").GetInt32() == 1).GetProperty("name").GetString();
    }
}
