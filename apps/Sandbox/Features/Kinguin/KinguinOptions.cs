using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Section <c>Sandbox:Kinguin</c>: the one simulated store account and where its webhooks go.</summary>
internal sealed class KinguinOptions
{
    public const string Section = "Sandbox:Kinguin";

    /// <summary>Expected in <c>X-Api-Key</c>.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>Starting balance in EUR that orders are paid from.</summary>
    [Range(typeof(decimal), "0", "1000000000")]
    public decimal Balance { get; set; } = 5000m;

    /// <summary>How long an order takes from placed to completed; keys arrive evenly over it.</summary>
    [Range(0.0, 86_400.0)]
    public double KeyDeliverySeconds { get; set; } = 5;

    /// <summary>Where product.update and order.status are pushed; none when unset.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>Sent verbatim in <c>X-Event-Secret</c>.</summary>
    public string? WebhookSecret { get; set; }
}
