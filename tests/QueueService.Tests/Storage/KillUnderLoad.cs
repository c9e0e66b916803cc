using System.Collections.Concurrent;
using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Storage;

/// <summary>
/// Kiosks issue tickets without pause while the server is killed with SIGKILL; after a restart on the same storage
/// every ticket that was acknowledged (201) is there, numbers are unique and numbering goes on after them.
/// </summary>
public static class KillUnderLoad
{
    public static async Task RunAsync(IReadOnlyList<string> arguments)
    {
        var port = FreePort.Next();
        var acknowledged = new ConcurrentBag<IssuedTicket>();
        await using (var server = await HostProcess.StartAsync("QueueService", port, arguments))
        {
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TestTimeouts.Local };
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task KioskAsync(int serviceId)
            {
                while (true)
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = await http.PostAsJsonAsync("/api/tickets", new { serviceId });
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // the server is gone: this answer never came, so it was never promised
                    }
                    if (response.StatusCode != System.Net.HttpStatusCode.Created)
                    {
                        continue;
                    }
                    IssuedTicket? ticket;
                    try
                    {
                        ticket = await response.Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        return;
                    }
                    acknowledged.Add(ticket!);
                    if (acknowledged.Count >= 60)
                    {
                        enough.TrySetResult();
                    }
                }
            }
            var kiosks = Enumerable.Range(0, 8).Select(i => Task.Run(() => KioskAsync(1 + i % 2))).ToArray();
            await enough.Task.WaitAsync(TestTimeouts.Run);
            await server.KillHardAsync(); // while the kiosks are still sending
            await Task.WhenAll(kiosks).WaitAsync(TestTimeouts.Slow);
        }

        await using var restarted = await HostProcess.StartAsync("QueueService", port, arguments);
        using var after = new HttpClient { BaseAddress = new Uri(restarted.BaseUrl) };
        foreach (var ticket in acknowledged)
        {
            var view = await after.GetFromJsonAsync<TicketView>($"/api/tickets/{ticket.Id}", Json.Options);
            Assert.Equal(ticket.Number, view!.Number);
        }
        Assert.Equal(acknowledged.Count, acknowledged.Select(t => t.Number).Distinct().Count());
        var next = await (await after.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);
        var highestA = acknowledged.Where(t => t.Number.StartsWith('A')).Select(t => int.Parse(t.Number[1..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        Assert.True(int.Parse(next!.Number[1..], System.Globalization.CultureInfo.InvariantCulture) > highestA, $"{next.Number} after A{highestA:000}");
    }
}
