using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GamesDrop.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, HttpClient and the store's own sources; BuildingBlocks adds
/// Npgsql and Redis. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the collector daprd's
/// Configuration traces to, deploy/dapr/config.yaml); without it spans still exist, so the trace id is always the
/// logs' correlation id and is carried on in <c>traceparent</c>.
/// </summary>
public static class TelemetryExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // The ActivitySources of our own workers (event delivery, bindings), named GamesDrop.*.
    private const string OwnSources = "GamesDrop.*";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder, string hostName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(hostName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsHealthProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(OwnSources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(StoreMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    // Probes every few seconds would drown the traces that matter.
    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.Value?.Contains("/health/", StringComparison.OrdinalIgnoreCase) == true;
}
