using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Hall.QueueService.Metrics;

/// <summary>
/// Settings under <c>Metrics:</c>. <c>/metrics</c> answers loopback always and the networks in
/// <see cref="AllowedNetworks"/> (CIDR, e.g. <c>10.20.0.0/24</c> for the monitoring server's LAN).
/// </summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>The parsed networks; only valid after validation.</summary>
    public IReadOnlyList<IPNetwork> Networks => AllowedNetworks.Select(n => IPNetwork.Parse(n.Trim())).ToList();

    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address) || Networks.Any(n => n.Contains(address));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedNetworks.Length; i++)
        {
            if (!IPNetwork.TryParse(AllowedNetworks[i]?.Trim(), out _))
            {
                yield return new ValidationResult(
                    $"Metrics:AllowedNetworks:{i} '{AllowedNetworks[i]}' is not a network in CIDR form such as 10.20.0.0/24.", [nameof(AllowedNetworks)]);
            }
        }
    }
}
