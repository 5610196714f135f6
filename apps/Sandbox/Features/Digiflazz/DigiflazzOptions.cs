using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>Section <c>Sandbox:Digiflazz</c>: the one simulated buyer account and where its webhooks go.</summary>
internal sealed class DigiflazzOptions
{
    public const string Section = "Sandbox:Digiflazz";

    [Required]
    public string Username { get; set; } = "";

    /// <summary>Only ever inside the md5 sign; never sent on its own.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>Starting deposit in IDR.</summary>
    [Range(0, long.MaxValue)]
    public long Deposit { get; set; } = 50_000_000;

    /// <summary>How long a transaction stays Pending before it settles; 0 answers Sukses at once.</summary>
    [Range(0.0, 86_400.0)]
    public double PendingSeconds { get; set; } = 5;

    /// <summary>Minimum time between two price-list calls; a call sooner gets rc 83. 0 turns the limit off.</summary>
    [Range(0.0, 86_400.0)]
    public double PriceListIntervalSeconds { get; set; } = 5;

    /// <summary>Where transaction webhooks go unless a request names its own <c>cb_url</c>; none when unset.</summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>Key of the <c>X-Hub-Signature</c> HMAC; unsigned pushes when empty.</summary>
    public string? WebhookSecret { get; set; }
}
