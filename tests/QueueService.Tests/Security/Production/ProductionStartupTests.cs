using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hall.QueueService.HallSetup;
using Hall.TestSupport;
using Hall.TestSupport.Processes;

namespace Hall.QueueService.Tests.Security.Production;

/// <summary>
/// The real server process with ASPNETCORE_ENVIRONMENT=Production: it starts on an operator's own secrets, and
/// refuses, naming the setting, every demo secret the README prints.
/// </summary>
public sealed class ProductionStartupTests
{
    [Fact]
    public async Task A_hall_with_its_own_secrets_starts_in_Production_and_takes_the_password_hash_password_printed()
    {
        var hall = new ProductionHall();
        var (code, hash, error) = await ProductionHall.RunAsync(ProductionHall.AdminPassword, "hash-password");
        Assert.True(code == 0, error);
        hall.Arguments["Admin:PasswordHash"] = hash.Trim();
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), hall.CommandLine, environment: ProductionHall.Environment);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        Assert.Equal(HttpStatusCode.OK, (await Admin(http, ProductionHall.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Admin(http, DemoCredentials.AdminPassword)).StatusCode);
        // Keys are required: a kiosk without one is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/api/tickets", new StringContent("{\"serviceId\":1}", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task No_administrator_password_hash_is_refused() =>
        await AssertRefusedAsync(new ProductionHall(), h => h.Arguments.Remove("Admin:PasswordHash"), "Admin:PasswordHash");

    [Fact]
    public async Task A_plain_administrator_password_instead_of_the_hash_is_refused() =>
        await AssertRefusedAsync(new ProductionHall(), h =>
        {
            h.Arguments.Remove("Admin:PasswordHash");
            h.Arguments["Admin:Password"] = DemoCredentials.AdminPassword;
        }, "Admin:PasswordHash");

    [Fact]
    public async Task An_empty_database_without_a_hall_file_is_refused_instead_of_loading_the_demo_hall() =>
        await AssertRefusedAsync(new ProductionHall(), h => h.Arguments.Remove("Queue:HallFile"), "Queue:HallFile");

    [Fact]
    public async Task Asking_for_the_demo_hall_is_refused() =>
        await AssertRefusedAsync(new ProductionHall(), h => h.Arguments["Queue:DemoHall"] = "true", "Queue:DemoHall");

    [Fact]
    public async Task No_ID_key_file_is_refused() =>
        await AssertRefusedAsync(new ProductionHall(), h => h.Arguments.Remove("Privacy:IdKeyFile"), "Privacy:IdKeyFile");

    [Fact]
    public async Task An_ID_key_file_shorter_than_32_bytes_is_refused() =>
        await AssertRefusedAsync(new ProductionHall(), h => File.WriteAllBytes(h.IdKeyFile, new byte[16]), "Privacy:IdKeyFile");

    [Fact]
    public async Task A_text_message_gateway_without_https_is_refused() =>
        await AssertRefusedAsync(new ProductionHall(), h =>
        {
            h.Arguments["Sms:Provider"] = "http";
            h.Arguments["Sms:Url"] = "http://127.0.0.1:9/sms";
        }, "Sms:Url");

    [Fact]
    public async Task Optional_device_keys_are_refused() =>
        await AssertRefusedAsync(new ProductionHall(d => d with { Security = d.Security with { DeviceKeys = DeviceKeyPolicy.Optional } }), _ => { },
            "security.deviceKeys");

    [Fact]
    public async Task A_clerk_with_the_demo_PIN_is_refused()
    {
        var demoHash = HallFileLoader.LoadDemoHall().Clerks.Single(c => c.StaffCode == "9001").PinHash;
        await AssertRefusedAsync(new ProductionHall(d => d with
        {
            Clerks = d.Clerks.Select(c => c.StaffCode == "9001" ? c with { Pin = null, PinHash = demoHash } : c).ToList(),
        }), _ => { }, "clerks[9001].pin");
    }

    [Theory]
    [InlineData("12345")]    // too short
    [InlineData("777777")]   // one digit
    [InlineData("123456")]   // a run
    [InlineData("654321")]   // a run down
    [InlineData("1001")]     // the staff code (and short)
    public async Task A_weak_PIN_in_the_hall_file_is_refused(string pin) =>
        await AssertRefusedAsync(new ProductionHall(d => d with
        {
            Clerks = d.Clerks.Select(c => c.StaffCode == "1001" ? c with { Pin = pin } : c).ToList(),
        }), _ => { }, "clerks[1001].pin");

    [Fact]
    public async Task A_demo_device_key_is_refused()
    {
        var demoKey = HallFileLoader.LoadDemoHall().Devices.Single(d => d.Id == "kiosk-1").Key;
        await AssertRefusedAsync(new ProductionHall(d => d with
        {
            Devices = d.Devices.Select(x => x.Id == "kiosk-1" ? x with { Key = demoKey } : x).ToList(),
        }), _ => { }, "devices[kiosk-1].key");
    }

    private static async Task AssertRefusedAsync(ProductionHall hall, Action<ProductionHall> change, string setting)
    {
        change(hall);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartAsync("QueueService", FreePort.Next(), hall.CommandLine, environment: ProductionHall.Environment));
        Assert.Matches("exited with code [1-9]", error.Message);
        Assert.Contains("QueueService cannot start", error.Message, StringComparison.Ordinal);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Admin(HttpClient http, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/hall");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
        return http.SendAsync(request);
    }
}
