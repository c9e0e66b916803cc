using Hall.Contracts.Api;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Security;

/// <summary>A device whose key was checked on this request.</summary>
public sealed record AuthenticatedDevice(DeviceDefinition Device);

/// <summary>An administrator's view of a device: what it is and whether it has a usable key.</summary>
public sealed record DeviceKeyStatus(string Id, DeviceKind Kind, string Name, int? WindowNumber, bool HasKey, DateTimeOffset? KeyIssuedAt, string? KeyIssuedBy);

/// <summary>A newly issued key, shown once.</summary>
public sealed record IssuedDeviceKey(string DeviceId, string Key, DateTimeOffset IssuedAt);

/// <summary>
/// Device keys: <c>{deviceId}.{secret}</c>, issued and revoked by the administrator. Only a salted SHA-256 of the
/// whole key is stored (the secret has 256 random bits, so a slow hash adds nothing but latency on every request);
/// checked against the database on each use, so a revocation holds at once on every instance.
/// </summary>
public sealed partial class DeviceKeyStore(QueueDatabase database, HallCatalogHolder hall, HallEventPublisher publisher, TimeProvider time, ILogger<DeviceKeyStore> logger)
{
    /// <summary>The device a presented key belongs to, or null when the key is unknown, revoked or malformed.</summary>
    public async Task<DeviceDefinition?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || presented.Length > 200)
        {
            return null;
        }
        var catalog = hall.Current;
        var device = catalog.Definition.Devices.FirstOrDefault(d => d.Id == presented[..dot]);
        if (device is null)
        {
            return null;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QueryFirstOrDefaultAsync<string>(
            "SELECT key_hash FROM device_keys WHERE hall_id = @hall AND device_id = @device AND revoked_at IS NULL ORDER BY id DESC",
            new { hall = catalog.HallId, device = device.Id });
        return stored is not null && SaltedKeyHash.Matches(presented, stored) ? device : null;
    }

    public async Task<IssuedDeviceKey> IssueAsync(string deviceId, string issuedBy, CancellationToken cancellationToken)
    {
        var device = Find(deviceId);
        var key = device.Id + "." + BearerTokens.New();
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await RevokeInScopeAsync(scope, device.Id, issuedBy, now);
        await InsertAsync(scope, device.Id, key, issuedBy, now);
        await RecordAsync(scope, EventKinds.DeviceKeyIssued, device.Id, issuedBy, now);
        await scope.CommitAsync(cancellationToken);
        LogIssued(device.Id, issuedBy);
        // Connections made with the replaced key close too.
        await publisher.PublishAsync([new DeviceKeyRevokedEvent(device.Id)], cancellationToken);
        return new IssuedDeviceKey(device.Id, key, hall.Current.ToOffset(now));
    }

    /// <summary>Revokes the device's key; true when there was one.</summary>
    public async Task<bool> RevokeAsync(string deviceId, string revokedBy, CancellationToken cancellationToken)
    {
        var device = Find(deviceId);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNow();
        var revoked = await RevokeInScopeAsync(scope, device.Id, revokedBy, now);
        if (revoked > 0)
        {
            await RecordAsync(scope, EventKinds.DeviceKeyRevoked, device.Id, revokedBy, now);
        }
        await scope.CommitAsync(cancellationToken);
        if (revoked > 0)
        {
            LogRevoked(device.Id, revokedBy);
            await publisher.PublishAsync([new DeviceKeyRevokedEvent(device.Id)], cancellationToken);
        }
        return revoked > 0;
    }

    /// <summary>The event row of an issue or a revocation: which device and who, never the key.</summary>
    private Task RecordAsync(WriteScope scope, string kind, string deviceId, string by, DateTimeOffset now) =>
        EventLog.AppendAsync(scope, hall.Current.HallId, kind, now, hall.Current.HallDate(now).ToKey(), new Actor(by), detail: "device " + deviceId);

    public async Task<IReadOnlyList<DeviceKeyStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var active = (await connection.QueryAsync<(string DeviceId, long IssuedAt, string IssuedBy)>(
                "SELECT device_id, issued_at, issued_by FROM device_keys WHERE hall_id = @hall AND revoked_at IS NULL", new { hall = catalog.HallId }))
            .ToDictionary(r => r.DeviceId);
        return catalog.Definition.Devices.Select(d => active.TryGetValue(d.Id, out var k)
                ? new DeviceKeyStatus(d.Id, d.Kind, d.Name, d.WindowNumber, true, catalog.ToOffset(TimeConversions.FromUnixMs(k.IssuedAt)), k.IssuedBy)
                : new DeviceKeyStatus(d.Id, d.Kind, d.Name, d.WindowNumber, false, null, null))
            .ToList();
    }

    /// <summary>
    /// Brings the keys in line with a hall about to be stored: devices no longer in it lose their keys, and a plain key
    /// a hall file carries (a first installation, the demo hall) becomes its device's key when the device has none
    /// yet. Returns the definition without the plain keys, as it is stored.
    /// </summary>
    public static async Task<HallDefinition> AlignKeysWithHallAsync(WriteScope scope, HallDefinition definition, DateTimeOffset now)
    {
        // A device taken out of the hall loses its key, so that adding a device of the same name later does not revive it.
        var activeDevices = await scope.Connection.QueryAsync<string>(
            "SELECT DISTINCT device_id FROM device_keys WHERE hall_id = @hall AND revoked_at IS NULL", new { hall = definition.Id }, scope.Transaction);
        foreach (var removed in activeDevices.Where(id => definition.Devices.All(d => d.Id != id)))
        {
            await scope.Connection.ExecuteAsync(
                "UPDATE device_keys SET revoked_at = @now, revoked_by = 'device removed' WHERE hall_id = @hall AND device_id = @device AND revoked_at IS NULL",
                new { hall = definition.Id, device = removed, now = now.ToUnixMs() }, scope.Transaction);
        }
        foreach (var device in definition.Devices.Where(d => d.Key is not null))
        {
            var hasKey = await scope.Connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM device_keys WHERE hall_id = @hall AND device_id = @device AND revoked_at IS NULL",
                new { hall = definition.Id, device = device.Id }, scope.Transaction);
            if (hasKey == 0)
            {
                await InsertAsync(scope, device.Id, device.Key!, "hall file", now, definition.Id);
            }
        }
        return definition.Devices.Any(d => d.Key is not null)
            ? definition with { Devices = definition.Devices.Select(d => d with { Key = null }).ToList() }
            : definition;
    }

    private DeviceDefinition Find(string deviceId) =>
        hall.Current.Definition.Devices.FirstOrDefault(d => d.Id == deviceId)
        ?? throw QueueProblems.UnknownDevice(deviceId);

    private Task<int> InsertAsync(WriteScope scope, string deviceId, string key, string issuedBy, DateTimeOffset now) =>
        InsertAsync(scope, deviceId, key, issuedBy, now, hall.Current.HallId);

    private static Task<int> InsertAsync(WriteScope scope, string deviceId, string key, string issuedBy, DateTimeOffset now, string hallId) =>
        scope.Connection.ExecuteAsync(
            "INSERT INTO device_keys (hall_id, device_id, key_hash, issued_at, issued_by) VALUES (@hall, @device, @hash, @now, @by)",
            new { hall = hallId, device = deviceId, hash = SaltedKeyHash.Hash(key), now = now.ToUnixMs(), by = issuedBy }, scope.Transaction);

    private Task<int> RevokeInScopeAsync(WriteScope scope, string deviceId, string by, DateTimeOffset now) =>
        scope.Connection.ExecuteAsync(
            "UPDATE device_keys SET revoked_at = @now, revoked_by = @by WHERE hall_id = @hall AND device_id = @device AND revoked_at IS NULL",
            new { hall = hall.Current.HallId, device = deviceId, now = now.ToUnixMs(), by }, scope.Transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId}: a new key was issued by {By}; any older key is revoked")]
    private partial void LogIssued(string deviceId, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId}: key revoked by {By}")]
    private partial void LogRevoked(string deviceId, string by);
}
