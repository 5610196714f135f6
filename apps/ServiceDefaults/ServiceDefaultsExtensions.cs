using System.Net;
using GamesDrop.ServiceDefaults.Health;
using GamesDrop.ServiceDefaults.Logging;
using GamesDrop.ServiceDefaults.Problems;
using GamesDrop.ServiceDefaults.Requests;
using GamesDrop.ServiceDefaults.Security;
using GamesDrop.ServiceDefaults.Settings;
using GamesDrop.ServiceDefaults.Telemetry;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Routing;
using Dapr;
using Dapr.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace GamesDrop.ServiceDefaults;

/// <summary>What every GamesDrop host gets once: logging, telemetry, errors, validation, health, OpenAPI, internal auth.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Policy for endpoints that only other GamesDrop apps (through Dapr or the Embedded host) may call.</summary>
    public const string InternalPolicy = "Dapr";

    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Host-level services. Call once per process, before the apps' own <c>Add*</c>.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string hostName)
    {
        builder.AddStructuredLogging(hostName);
        builder.AddTelemetry(hostName);
        // Bodies are small JSON; endpoints that take uploads raise their own limit.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddProblemResponses();
        // A body missing a required field, or null where the type says never, is a 400 at the edge.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(SafeText.Screen);
        });
        builder.Services.AddHealthChecks();
        // Callers present the app's token as dapr-api-token: daprd does so in the Dapr profile, the host's senders in
        // Embedded, where each hosted app wants its own (an Embedded host replaces the IAppTokenSource).
        builder.Services.AddSingleton<IAppTokenSource, ConfiguredAppToken>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AppTokenAuthenticationHandler>(InternalPolicy, null);
        builder.Services.AddAuthorization(o => o.AddPolicy(InternalPolicy, p => p.AddAuthenticationSchemes(InternalPolicy).RequireAuthenticatedUser()));
        builder.Services.AddSettings<TrustedProxyOptions>(TrustedProxyOptions.Section);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<TrustedProxyOptions>(TrustProxies);
        // Apps add their own policies; a refusal is a 429 that status code pages turn into problem+json.
        builder.Services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        return builder;
    }

    /// <summary>
    /// Behind nginx the connection comes from the proxy; X-Forwarded-For names the client, but only when a trusted proxy
    /// sent it, as anyone can send the header. <see cref="TrustedProxyOptions"/> replace the default, loopback only. Only
    /// the last hop counts: the one the proxy itself appended.
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions options, TrustedProxyOptions trusted)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        var (proxies, networks) = (trusted.KnownProxies, trusted.KnownNetworks);
        if (proxies.Length + networks.Length == 0)
        {
            return;
        }
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    /// <summary>One OpenAPI document per app, named by its app id.</summary>
    public static IServiceCollection AddAppOpenApi(this IServiceCollection services, string appId) =>
        services.AddOpenApi(appId, o =>
        {
            o.ShouldInclude = d => d.GroupName == appId;
            o.AddSchemaTransformer(NumbersAsWritten);
            o.AddOperationTransformer(QueryNamesAsSent);
        });

    // Query binding ignores case; callers send the JSON names, also for parameters bound from a record's properties.
    private static Task QueryNamesAsSent(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter is { In: ParameterLocation.Query, Name: { } name })
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }
        return Task.CompletedTask;
    }

    // The web defaults also read numbers from strings; the apps write JSON numbers, which is what callers' types (the
    // storefront's are generated from this document) should say.
    private static Task NumbersAsWritten(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Number) || type.HasFlag(JsonSchemaType.Integer)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>Middleware in the order every host needs it.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Outside the exception handler, so a request is logged with the status its handler gave (a refused body's
        // 400, an outage's 503), and the handler's own logs carry the correlation id.
        app.UseCorrelation();
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestScreening();
        // Subscribers read the event id from its header to write each event's effect once; dead letters keep their topic.
        app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true, IncludedCloudEventPropertiesAsHeaders = ["id", "topic"] });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }

    /// <summary>The route group of one app, which puts its endpoints in the app's OpenAPI document.</summary>
    public static RouteGroupBuilder MapAppGroup(this IEndpointRouteBuilder routes, string appId) =>
        routes.MapGroup("").WithGroupName(appId);
}
