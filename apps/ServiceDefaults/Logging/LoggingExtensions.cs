using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Context;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace GamesDrop.ServiceDefaults.Logging;

/// <summary>
/// Serilog with one correlation id per request: the OpenTelemetry trace id (TelemetryExtensions listens, so every
/// request has one), which HttpClient, Dapr and our outbox all carry in <c>traceparent</c>, so one id follows a request
/// across services and events, in the logs and in the traces alike.
/// </summary>
public static class LoggingExtensions
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder, string hostName)
    {
        Activity.DefaultIdFormat = ActivityIdFormat.W3C;
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            // Every attempt of every resilient call is an Information event (inside HttpClient's scope, URL included).
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Host", hostName)
            .WriteTo.Console(new RenderedCompactJsonFormatter()),
            // Each host keeps its own logger: tests run several hosts in one process.
            preserveStaticLogger: true);
        return builder;
    }

    public static string? CurrentCorrelationId() => Activity.Current?.TraceId.ToHexString();

    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var correlationId = CurrentCorrelationId() ?? context.TraceIdentifier;
        // Set as the response starts: the exception handler clears the headers of a response it rewrites.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationHeader] = correlationId;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    });

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // This host's logger, not the static one, which tests running several hosts would share.
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            // Query strings can carry tokens (password reset, PayPal return); log the path only.
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(WithoutSecrets(http, path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            o.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("CorrelationId", CurrentCorrelationId() ?? http.TraceIdentifier);
            o.GetLevel = (http, _, error) => error is not null || http.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                    || http.Request.Path.Value?.EndsWith("/health/live", StringComparison.OrdinalIgnoreCase) == true
                    || http.Request.Path.Value?.EndsWith("/health/ready", StringComparison.OrdinalIgnoreCase) == true
                    ? LogEventLevel.Verbose
                    : LogEventLevel.Information;
        });

    // A receipt link's token (route value "token", BFF and kernel alike) is the credential to the order's keys: log the route's name for it.
    private static string WithoutSecrets(HttpContext http, string path) =>
        http.GetRouteValue("token") is string { Length: > 0 } token ? path.Replace(token, "{token}", StringComparison.Ordinal) : path;
}
