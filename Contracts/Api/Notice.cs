namespace Hall.Contracts.Api;

/// <summary>
/// A notice for the boards (公开屏: policies, news, job notices), in force from <see cref="From"/> (inclusive) to
/// <see cref="To"/> (exclusive); an end left null is open.
/// </summary>
/// <param name="State"><c>inForce</c>, <c>future</c> or <c>expired</c> at the time of the answer.</param>
public sealed record NoticeView(long Id, string Title, string Body, DateTimeOffset? From, DateTimeOffset? To, string State);

/// <summary>What the administrator sends to add or change a notice; <c>from</c> and <c>to</c> may be left out (open ends).</summary>
public sealed record NoticeRequest(string? Title, string? Body, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>The states of <see cref="NoticeView.State"/>.</summary>
public static class NoticeStates
{
    public const string InForce = "inForce";
    public const string Future = "future";
    public const string Expired = "expired";

    public static string Of(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now) =>
        from is { } f && now < f ? Future
        : to is { } t && now >= t ? Expired
        : InForce;
}
