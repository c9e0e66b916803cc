using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.Hardware.HallBus;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;
using Hall.TestSupport.Serial;

namespace Hall.QueueService.Tests.HallBus;

/// <summary>
/// Two instances on one PostgreSQL database, the hall bus attached to the first: a clerk whose console talks to the
/// second instance finishes a ticket, and the window's evaluator on the first instance's bus is still invited.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BusAcrossInstancesTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_finish_on_the_other_instance_invites_the_evaluator_on_this_instance_s_bus()
    {
        await using var bus = await BusRig.StartAsync();
        bus.Devices.AddCaller(1);
        bus.Devices.AddEvaluator(101);

        var database = await postgres.CreateDatabaseAsync();
        await using var withBus = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + database, "--Bus:PortName=" + bus.HostPortPath]);
        await using var other = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + database]);

        using var http = new HttpClient { BaseAddress = new Uri(other.BaseUrl) };
        (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        (await http.PostAsync("/api/windows/1/call-next", null)).EnsureSuccessStatusCode();
        (await http.PostAsync("/api/windows/1/finish", null)).EnsureSuccessStatusCode();

        await bus.WaitForFrameAsync(f => f.Address == 101 && f.Function == HallBusFunction.Invite);
    }
}
