using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GamesDrop.BuildingBlocks.Secrets;

/// <summary>
/// Refuses to start an app whose app token is empty or still the <c>change-me</c> of <c>.env.example</c>: such a
/// token would let anyone who read the example call the internal API. Registered first, so nothing else starts.
/// </summary>
public sealed class PlaceholderSecrets(IConfiguration configuration) : IHostedService
{
    public const string AppToken = "APP_API_TOKEN";

    /// <summary>Whether <paramref name="value"/> is no secret at all: missing, blank, or a placeholder left in place.</summary>
    public static bool IsPlaceholder(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Replace("_", "-", StringComparison.Ordinal).Contains("change-me", StringComparison.OrdinalIgnoreCase)
            || value.Contains("changeme", StringComparison.OrdinalIgnoreCase);

    public Task StartAsync(CancellationToken cancellationToken) => IsPlaceholder(configuration[AppToken])
        ? throw new InvalidOperationException($"{AppToken} is empty or a placeholder; set a random one (openssl rand -hex 32).")
        : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
