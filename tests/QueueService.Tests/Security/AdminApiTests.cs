using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;

namespace Hall.QueueService.Tests.Security;

public sealed class AdminApiTests : IDisposable
{
    private readonly HallServerFactory _hall = new(new() { ["Admin:User"] = "root-admin", ["Admin:Password"] = "correct horse battery" });

    private HttpClient Admin(string user = "root-admin", string password = "correct horse battery")
    {
        var client = _hall.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        return client;
    }

    [Fact]
    public async Task Anonymous_and_wrong_credentials_get_401_problem_with_a_Basic_challenge()
    {
        var anonymous = await _hall.CreateClient().GetAsync("/api/admin/hall");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, h => h.Scheme == "Basic");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Admin(password: "wrong password").GetAsync("/api/admin/hall")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Admin(user: "admin").GetAsync("/api/admin/hall")).StatusCode);
        var clerk = await _hall.LoginAsync(1, "1001");
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/admin/hall")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_gets_the_hall_in_the_hall_file_shape_without_PINs()
    {
        var response = await Admin().GetAsync("/api/admin/hall");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("示范县政务服务中心", root.GetProperty("name").GetString());
        Assert.Equal(8, root.GetProperty("services").GetArrayLength());
        Assert.Equal(8, root.GetProperty("windows").GetArrayLength());
        var clerks = root.GetProperty("clerks").EnumerateArray().ToList();
        Assert.Contains(clerks, c => c.GetProperty("staffCode").GetString() == "1001");
        Assert.DoesNotContain("pbkdf2", text, StringComparison.Ordinal);
        foreach (var clerk in clerks)
        {
            Assert.True(!clerk.TryGetProperty("pin", out var pin) || pin.ValueKind == JsonValueKind.Null);
            Assert.True(!clerk.TryGetProperty("pinHash", out var hash) || hash.ValueKind == JsonValueKind.Null);
        }

        // The shape of the hall file the server loads: the same definition apart from the PINs.
        var demo = HallSetup.HallFileLoader.LoadDemoHall();
        var exported = JsonSerializer.Deserialize<HallSetup.HallDefinition>(text, HallSetup.HallFileLoader.JsonOptions)!;
        Assert.Equal(HallSetup.HallFileLoader.Serialize(HallSetup.HallFileLoader.WithoutSecrets(demo)), HallSetup.HallFileLoader.Serialize(exported));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_administrator_even_with_the_right_one_until_the_lock_ends()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Admin(password: "guess " + i).GetAsync("/api/admin/hall")).StatusCode);
        }
        var locked = await Admin().GetAsync("/api/admin/hall");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("loginLocked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _hall.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await Admin().GetAsync("/api/admin/hall")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_PINs_lock_the_clerk_and_a_good_login_resets_the_count()
    {
        var client = _hall.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = "0000" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = "0000" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).StatusCode);
        // Another clerk is not affected.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/windows/2/login", new { staffCode = "1002", pin = DemoCredentials.Pin })).StatusCode);
        _hall.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin })).StatusCode);
    }

    [Fact]
    public async Task A_password_hash_setting_and_the_documented_demo_password_both_work()
    {
        using (var hashed = new HallServerFactory(new() { ["Admin:PasswordHash"] = HallSetup.PinHasher.Hash("s3cret-pass") }))
        {
            var client = hashed.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:s3cret-pass")));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/hall")).StatusCode);
        }
        using var demo = new HallServerFactory();
        var demoClient = demo.CreateClient();
        demoClient.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        Assert.Equal(HttpStatusCode.OK, (await demoClient.GetAsync("/api/admin/hall")).StatusCode);
    }

    public void Dispose() => _hall.Dispose();
}
