using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GamesDrop.BuildingBlocks.Hosting;

/// <summary>
/// Dapr profile: the app is ready only while its sidecar is (Dapr API reference, "Health API": <c>GET /v1.0/healthz</c>
/// answers 204 once daprd is ready). A daprd can stay up yet never be ready again after a placement or scheduler
/// restart (dapr/dapr#10337); this makes that visible on the app's /health/ready, so it is taken out and replaced.
/// </summary>
internal sealed class SidecarHealthCheck(IHttpClientFactory clients, IConfiguration configuration) : IHealthCheck
{
    public const string HttpClientName = "dapr-sidecar-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var sidecar = configuration["DAPR_HTTP_ENDPOINT"] is { Length: > 0 } endpoint ? endpoint.TrimEnd('/') : "http://localhost:3500";
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync($"{sidecar}/v1.0/healthz", ct);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The Dapr sidecar is not ready ({(int)response.StatusCode}).");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The Dapr sidecar cannot be reached.", e);
        }
    }
}
