using System.Net;
using Hall.QueueService.Tests.Infrastructure;

namespace Hall.QueueService.Tests.Admin;

public sealed class AdminAuthorizationTests : IDisposable
{
    private readonly HallServerFactory _hall = new();

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", "/api/admin/hall" },
        { "GET", "/api/admin/hall/file" },
        { "PUT", "/api/admin/hall" },
        { "GET", "/api/admin/services" },
        { "GET", "/api/admin/services/1" },
        { "POST", "/api/admin/services" },
        { "PUT", "/api/admin/services/1" },
        { "DELETE", "/api/admin/services/1" },
        { "GET", "/api/admin/windows" },
        { "GET", "/api/admin/windows/1" },
        { "POST", "/api/admin/windows" },
        { "PUT", "/api/admin/windows/1" },
        { "DELETE", "/api/admin/windows/1" },
        { "GET", "/api/admin/clerks" },
        { "GET", "/api/admin/clerks/1001" },
        { "POST", "/api/admin/clerks" },
        { "PUT", "/api/admin/clerks/1001" },
        { "DELETE", "/api/admin/clerks/1001" },
        { "POST", "/api/admin/clerks/1001/pin" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_administration_endpoint_answers_401_without_credentials_and_changes_nothing(string method, string path)
    {
        var before = await _hall.AdminClient().GetStringAsync("/api/admin/hall");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = AdminClients.JsonBody("{}");
        }
        var response = await _hall.CreateClient().SendAsync(request);
        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Equal(before, await _hall.AdminClient().GetStringAsync("/api/admin/hall"));
    }

    public void Dispose() => _hall.Dispose();
}
