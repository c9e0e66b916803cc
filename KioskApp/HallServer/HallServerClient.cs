using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.Contracts.Api;

namespace Hall.KioskApp.HallServer;

/// <summary>The kiosk's calls to QueueService. Never retries on its own: whether a retry is safe is the caller's decision.</summary>
public sealed class HallServerClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>The hall's name and ID settings from <c>GET /api/hall</c>, or null when the server cannot be asked now.</summary>
    public async Task<HallFacts?> GetHallAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("api/hall", cancellationToken);
            if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<JsonObject>(Json, cancellationToken) is not { } hall)
            {
                return null;
            }
            var contacts = hall["contacts"] is JsonObject c
                ? new HallContacts { ComplaintPhone = c["complaintPhone"]?.ToString(), SupervisionPhone = c["supervisionPhone"]?.ToString() }
                : new HallContacts();
            return new HallFacts(hall["name"]?.ToString(), hall["idKeypadFallback"]?.GetValue<bool>() ?? true, contacts);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken) || exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ServiceInfo>> GetServicesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("api/services", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HallServerUnavailableException($"GET /api/services answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<List<ServiceInfo>>(Json, cancellationToken)
                ?? throw new HallServerUnavailableException("GET /api/services answered an empty body.");
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw new HallServerUnavailableException(exception.Message, exception);
        }
    }

    /// <param name="idempotencyKey">One key per citizen's take: the server answers a retry with the same ticket.</param>
    public async Task<IssueOutcome> IssueTicketAsync(IssueTicketRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "api/tickets") { Content = JsonContent.Create(request, options: Json) };
            message.Headers.Add(IdempotencyKey.Header, idempotencyKey);
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return new IssueOutcome.NotDelivered(exception.Message);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            return new IssueOutcome.Unconfirmed(exception.Message);
        }

        using (response)
        {
            try
            {
                if (response.StatusCode == HttpStatusCode.Created || response.IsSuccessStatusCode)
                {
                    var ticket = await response.Content.ReadFromJsonAsync<IssuedTicket>(Json, cancellationToken);
                    return ticket is null
                        ? new IssueOutcome.Unconfirmed("The server answered without a ticket.")
                        : new IssueOutcome.Issued(ticket);
                }
                if ((int)response.StatusCode >= 500)
                {
                    return new IssueOutcome.Unconfirmed($"The server answered {(int)response.StatusCode}.");
                }
                var problem = await ReadProblemAsync(response, cancellationToken);
                return new IssueOutcome.Refused((int)response.StatusCode, problem, ExistingTicket(problem));
            }
            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken) || exception is JsonException)
            {
                return new IssueOutcome.Unconfirmed(exception.Message);
            }
        }
    }

    /// <summary><c>GET /api/tickets/{id}</c>; null when the server does not know the ticket.</summary>
    public async Task<TicketView?> GetTicketAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"api/tickets/{id}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new HallServerUnavailableException($"GET /api/tickets/{id} answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<TicketView>(Json, cancellationToken);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw new HallServerUnavailableException(exception.Message, exception);
        }
    }

    /// <summary><c>GET /api/guides</c>: every service's entry for the guide mode's browsing and search.</summary>
    public async Task<IReadOnlyList<GuideEntry>> GetGuidesAsync(CancellationToken cancellationToken) =>
        await GetJsonAsync<List<GuideEntry>>("api/guides", cancellationToken) ?? [];

    /// <summary><c>GET /api/services/{id}/guide</c>; null when the service is unknown or has no guide.</summary>
    public Task<ServiceGuideInfo?> GetGuideAsync(int serviceId, CancellationToken cancellationToken) =>
        GetJsonAsync<ServiceGuideInfo>($"api/services/{serviceId}/guide", cancellationToken);

    private async Task<T?> GetJsonAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new HallServerUnavailableException($"GET /{path} answered {(int)response.StatusCode}.");
            }
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw new HallServerUnavailableException(exception.Message, exception);
        }
    }

    /// <summary><c>POST /api/devices/status</c> (204).</summary>
    public async Task ReportDeviceStatusAsync(DeviceStatusReport report, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/devices/status", report, Json, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HallServerUnavailableException($"POST /api/devices/status answered {(int)response.StatusCode}.");
            }
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw new HallServerUnavailableException(exception.Message, exception);
        }
    }

    private static async Task<JsonObject> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonNode.Parse(text) is JsonObject problem)
            {
                problem["status"] ??= (int)response.StatusCode;
                return problem;
            }
        }
        catch (JsonException)
        {
        }
        return new JsonObject
        {
            ["type"] = "about:blank",
            ["title"] = response.ReasonPhrase,
            ["status"] = (int)response.StatusCode,
            ["detail"] = string.IsNullOrWhiteSpace(text) ? "服务器拒绝了取号请求。" : text,
        };
    }

    private static IssuedTicket? ExistingTicket(JsonObject problem)
    {
        if (problem["ticket"] is not JsonObject ticket)
        {
            return null;
        }
        try
        {
            return ticket.Deserialize<IssuedTicket>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}

/// <summary>What the kiosk needs of <c>GET /api/hall</c>.</summary>
/// <param name="IdKeypadFallback">Services that require the ID card may take a typed number.</param>
public sealed record HallFacts(string? Name, bool IdKeypadFallback, HallContacts Contacts);
