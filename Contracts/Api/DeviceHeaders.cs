namespace Hall.Contracts.Api;

/// <summary>Headers by which devices (kiosks, display computers, evaluator tablets) present themselves to the hall server.</summary>
public static class DeviceHeaders
{
    /// <summary>The device's key, <c>{deviceId}.{secret}</c>, as issued by the hall's administrator.</summary>
    public const string Key = "X-Device-Key";

    /// <summary>An unchecked device name for the event record, from a device without a key (a key, when given, wins).</summary>
    public const string Id = "X-Device-Id";
}
