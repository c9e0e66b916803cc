using System.ComponentModel.DataAnnotations;
using Hall.Hardware.Serial;

namespace Hall.DisplayBoard.BusGateway;

/// <summary>
/// The bus gateway on this display computer (section <c>BusGateway</c>): the callers' and evaluators' hall bus on a
/// local serial port, carried to a hall server that is not in the hall. Off unless <see cref="PortName"/> is set.
/// </summary>
public sealed class BusGatewayOptions : IValidatableObject
{
    public const string Section = "BusGateway";

    /// <summary>The serial port of the callers' and evaluators' bus (<c>/dev/ttyUSB1</c>, <c>COM4</c>); empty: no gateway.</summary>
    public string? PortName { get; set; }

    public int BaudRate { get; set; } = 9600;

    /// <summary>The key the administrator issued to the gateway device (kind <c>busGateway</c>, e.g. <c>bus-1.xxxx</c>).</summary>
    public string? DeviceKey { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(PortName);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BaudRates.IsSupported(BaudRate))
        {
            yield return new ValidationResult(
                $"BusGateway:BaudRate {BaudRate} is not supported; use one of {string.Join(", ", BaudRates.Supported)} (the hall bus uses 9600).", [nameof(BaudRate)]);
        }
        if (!IsEnabled)
        {
            yield break;
        }
        if (string.IsNullOrWhiteSpace(DeviceKey))
        {
            yield return new ValidationResult(
                "BusGateway:DeviceKey is required with BusGateway:PortName: the key the administrator issued to the bus gateway, such as bus-1.xxxxxxxx (请配置总线网关的设备密钥).", [nameof(DeviceKey)]);
        }
        else if (DeviceKey.IndexOf('.', StringComparison.Ordinal) <= 0 || DeviceKey.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult(
                "BusGateway:DeviceKey must be the key the administrator issued, such as bus-1.xxxxxxxx (设备密钥格式不正确).", [nameof(DeviceKey)]);
        }
    }
}
