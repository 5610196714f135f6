using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Webhooks;

/// <summary>Section <c>Sandbox:Webhooks</c>: how hard the simulators try to deliver a push.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Sandbox:Webhooks";

    /// <summary>Tries per push, the first included; partners retry "several times" before giving up.</summary>
    [Range(1, 20)]
    public int Attempts { get; set; } = 4;

    /// <summary>Wait before retry n is n times this.</summary>
    [Range(0, 600_000)]
    public int RetryDelayMs { get; set; } = 1000;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;
}
