using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>Section <c>Sandbox:PayPal</c>: the one simulated REST app (client id and secret), its webhook and buyer.</summary>
internal sealed class PayPalOptions
{
    public const string Section = "Sandbox:PayPal";

    /// <summary>Expected, with <see cref="ClientSecret"/>, in the token call's Basic authorization.</summary>
    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>The id of the webhook subscription; signed into every push and expected by verify-webhook-signature.</summary>
    [Required]
    public string WebhookId { get; set; } = "";

    /// <summary>Lifetime of an access token; PayPal's are about nine hours.</summary>
    [Range(1, 86_400)]
    public int TokenSeconds { get; set; } = 32_400;

    /// <summary>Where CHECKOUT.ORDER.APPROVED and PAYMENT.CAPTURE.* are pushed; none when unset.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// The approving buyer's country (<c>payer.address.country_code</c>) unless the approval names another. Empty: PayPal
    /// gives no address (it is optional in Orders v2), as the test harnesses use, whose purchases span every region.
    /// </summary>
    [RegularExpression("^[A-Z]{2}$")]
    public string? PayerCountry { get; set; } = "US";
}
