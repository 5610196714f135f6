namespace GamesDrop.Sandbox.Features.Google;

/// <summary>
/// Section <c>Sandbox:Google</c>: the one service account the token endpoint knows (its email and the public half of its
/// key, PEM), and how long tokens live. Without a key every assertion is refused.
/// </summary>
internal sealed class GoogleOptions
{
    public const string Section = "Sandbox:Google";

    public string? ClientEmail { get; set; }
    public string? PublicKeyPem { get; set; }
    public int TokenSeconds { get; set; } = 3600;
}
