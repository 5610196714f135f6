using System.ComponentModel.DataAnnotations;
using System.Net;

namespace GamesDrop.ServiceDefaults.Security;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the proxies whose X-Forwarded-For is believed, as addresses and as CIDR networks.
/// Both empty: loopback only, ASP.NET Core's default.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"'{p}' is not an IP address.", [nameof(KnownProxies)]))
            .Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
                .Select(n => new ValidationResult($"'{n}' is not a network in CIDR notation.", [nameof(KnownNetworks)])));
}
