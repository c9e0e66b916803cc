using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Hall.QueueService.Hubs;

/// <summary>
/// Whether a hub connection presented a supervisor's or the administrator's credential: a supervisor bearer token as
/// <c>access_token</c> (how SignalR clients send bearer tokens on WebSockets) or in <c>Authorization</c>, or the
/// administrator's HTTP Basic (scripts). Checked by the same authentication schemes as the API, once, when the
/// connection is made.
/// </summary>
public static class HubCredential
{
    public static async Task<bool> IsSupervisionAsync(HttpContext http) =>
        (await http.AuthenticateAsync(HallSchemes.Supervisor)).Succeeded || (await http.AuthenticateAsync(HallSchemes.Administrator)).Succeeded;
}
