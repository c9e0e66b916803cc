using System.Text.Json;
using Hall.Contracts.Hub;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Supervision;

namespace Hall.QueueService.ScaleOut;

/// <summary>
/// One committed hall event as it travels between server instances through PostgreSQL <c>NOTIFY</c>. It names the
/// instance that made it (so that instance ignores its own echo) and the hall (several halls may share a database).
/// A window change carries only the window number: the receiver reads the window from the shared database; a hall
/// change carries nothing but its time: the receiver reloads the hall definition from the database. An alert travels
/// whole (it is small), so supervisors on every instance see it at once.
/// </summary>
public sealed record HallNotification(
    Guid Instance,
    string HallId,
    TicketCalled? Called = null,
    TicketIssued? Issued = null,
    TicketChanged? Changed = null,
    int? WindowNumber = null,
    bool QueueChanged = false,
    DateTimeOffset? HallChangedAt = null,
    string? RevokedDeviceId = null,
    AlertView? AlertRaised = null,
    AlertView? AlertAcknowledged = null,
    DateTimeOffset? NoticesChangedAt = null)
{
    public const string Channel = "hall_events";

    /// <summary>PostgreSQL refuses payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static HallNotification? From(HallEvent hallEvent, Guid instance, string hallId) => hallEvent switch
    {
        TicketCalledEvent e => new HallNotification(instance, hallId, Called: e.Message),
        TicketIssuedEvent e => new HallNotification(instance, hallId, Issued: e.Message),
        TicketChangedEvent e => new HallNotification(instance, hallId, Changed: e.Message),
        WindowChangedEvent e => new HallNotification(instance, hallId, WindowNumber: e.WindowNumber),
        QueueChangedEvent => new HallNotification(instance, hallId, QueueChanged: true),
        HallChangedEvent e => new HallNotification(instance, hallId, HallChangedAt: e.At),
        DeviceKeyRevokedEvent e => new HallNotification(instance, hallId, RevokedDeviceId: e.DeviceId),
        AlertRaisedEvent e => new HallNotification(instance, hallId, AlertRaised: e.Alert),
        AlertAcknowledgedEvent e => new HallNotification(instance, hallId, AlertAcknowledged: e.Alert),
        Notices.NoticesChangedEvent e => new HallNotification(instance, hallId, NoticesChangedAt: e.At),
        _ => null,
    };

    public HallEvent? ToEvent() => this switch
    {
        { Called: { } m } => new TicketCalledEvent(m),
        { Issued: { } m } => new TicketIssuedEvent(m),
        { Changed: { } m } => new TicketChangedEvent(m),
        { WindowNumber: { } n } => new WindowChangedEvent(n),
        { QueueChanged: true } => new QueueChangedEvent(),
        { HallChangedAt: { } at } => new HallChangedEvent(at),
        { RevokedDeviceId: { } device } => new DeviceKeyRevokedEvent(device),
        { AlertRaised: { } alert } => new AlertRaisedEvent(alert),
        { AlertAcknowledged: { } alert } => new AlertAcknowledgedEvent(alert),
        { NoticesChangedAt: { } at } => new Notices.NoticesChangedEvent(at),
        _ => null,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static HallNotification? FromJson(string json) => JsonSerializer.Deserialize<HallNotification>(json, Options);
}
