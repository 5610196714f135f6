using GamesDrop.ServiceDefaults.Health;
using GamesDrop.ServiceDefaults.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GamesDrop.Sandbox.Catalog;

/// <summary>The demo catalog: generated on first use, cover images for the storefront, a summary for admins.</summary>
internal static class CatalogApi
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSettings<CatalogOptions>(CatalogOptions.Section);
        // A factory, so the catalog is built by the first request or readiness probe, not on every start-up path.
        services.AddSingleton(sp => CatalogGenerator.Generate(
            sp.GetRequiredService<CatalogOptions>(),
            DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));
        services.AddHealthChecks().AddCheck<CatalogReadyCheck>("catalog", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    public static RouteGroupBuilder MapCatalogImages(this RouteGroupBuilder routes)
    {
        routes.MapGet("/images/{id:int}.svg", Cover).WithTags("Catalog").AllowAnonymous();
        return routes;
    }

    public static RouteGroupBuilder MapCatalogAdmin(this RouteGroupBuilder admin)
    {
        var catalog = admin.MapGroup("/catalog");
        catalog.MapGet("", Summary);
        catalog.MapGet("/{id:int}", Results<Ok<Game>, NotFound> (int id, DemoCatalog demo) =>
            demo.ById(id) is { } game ? TypedResults.Ok(game) : TypedResults.NotFound());
        return admin;
    }

    /// <param name="w">Width in pixels; the cover is 600 × 800 unless asked otherwise.</param>
    /// <param name="h">Height in pixels.</param>
    /// <param name="shot">A screenshot number: same product, other colours.</param>
    private static Results<ContentHttpResult, NotFound> Cover(int id, DemoCatalog catalog, HttpResponse response,
        int w = CoverSvg.DefaultWidth, int h = CoverSvg.DefaultHeight, int shot = 0)
    {
        if (catalog.ById(id) is not { } game)
        {
            return TypedResults.NotFound();
        }
        response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Content(CoverSvg.Render(game, Math.Clamp(w, 16, 4000), Math.Clamp(h, 16, 4000), shot), "image/svg+xml");
    }

    private static CatalogSummary Summary(DemoCatalog catalog, CatalogOptions options) => new(
        options.Seed,
        catalog.Games.Count,
        catalog.Kinguin.Count,
        catalog.Digiflazz.Count,
        catalog.Games.Count(g => g.Kinguin is not null && g.Digiflazz is not null));

    private sealed class CatalogReadyCheck(IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(HealthCheckResult.Healthy($"{services.GetRequiredService<DemoCatalog>().Games.Count} products"));
    }
}

/// <summary>How big the catalog is and how many products both suppliers sell.</summary>
internal sealed record CatalogSummary(int Seed, int Products, int Kinguin, int Digiflazz, int Both);
