using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Security;

/// <summary>
/// 绿色通道 is opened by a clerk: staff code and that clerk's PIN. The attempt counts toward the clerk's lock-out
/// before the PIN is checked (the same count as the window login), so the kiosk's keypad cannot be used to guess PINs;
/// a missing or wrong PIN is 401. The client address's tries are limited too (<see cref="RateLimiting.PinTriesPerAddress"/>),
/// so PINs cannot be sprayed across clerks. The ticket's event row then names the authorising clerk.
/// </summary>
public sealed class GreenChannelAuthorizer(LoginThrottle throttle, HallCatalogHolder hall, RateLimiting.PinTriesPerAddress tries)
{
    public async Task AuthorizeAsync(IssueTicketRequest request, string clientAddress, CancellationToken cancellationToken)
    {
        FieldLimits.Check(request.StaffCode, "staffCode", FieldLimits.StaffCode);
        FieldLimits.Check(request.Pin, "pin", FieldLimits.Pin);
        if (TicketIssuer.ParsePriority(request.Priority) != TicketPriority.Green)
        {
            return;
        }
        var staffCode = request.StaffCode?.Trim();
        if (string.IsNullOrEmpty(staffCode) || string.IsNullOrEmpty(request.Pin))
        {
            throw QueueProblems.GreenChannelNeedsPin();
        }
        tries.Take(clientAddress);
        var subject = "clerk:" + staffCode;
        await throttle.CountAttemptAsync(subject, cancellationToken);
        var clerk = hall.Current.FindClerk(staffCode);
        if (clerk?.PinHash is null || !PinHasher.Verify(request.Pin, clerk.PinHash))
        {
            await throttle.FailedAsync(subject, cancellationToken);
            throw QueueProblems.WrongPin();
        }
        await throttle.SucceededAsync(subject, cancellationToken);
    }
}
