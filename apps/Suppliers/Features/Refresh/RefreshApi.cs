using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Refresh;

/// <summary>
/// Live re-read of stale offers (a product page being viewed): each is fetched from its supplier, when the
/// supplier's circuit allows, and handed to the kernel like a push.
/// </summary>
public static class RefreshApi
{
    private const int MaxOffers = 20;

    public static RouteGroupBuilder MapRefresh(this RouteGroupBuilder routes)
    {
        routes.MapPost("/offers/refresh", RefreshAsync).WithTags("Refresh");
        return routes;
    }

    private static async Task<Results<Ok<Refreshed>, ValidationProblem>> RefreshAsync(
        RefreshRequest request, SupplierRegistry registry, KernelCatalogClient kernel, TimeProvider time, CancellationToken ct)
    {
        if (request.Offers is not { Count: > 0 and <= MaxOffers })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offers"] = [$"Between 1 and {MaxOffers} offers."] });
        }
        var refreshed = 0;
        await Parallel.ForEachAsync(request.Offers, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (offer, token) =>
        {
            if (registry.Find(offer.Supplier) is not { } supplier)
            {
                return;
            }
            try
            {
                var live = await supplier.GetOfferAsync(offer.Sku, token);
                var change = live is null
                    ? new OfferChange(supplier.Code, offer.Sku, null, null, 0, false, time.GetUtcNow())
                    : new OfferChange(supplier.Code, offer.Sku, live.Price, live.Currency, live.Stock, live.Available, live.SupplierUpdatedAt ?? time.GetUtcNow());
                if (await kernel.ApplyChangeAsync(change, token))
                {
                    Interlocked.Increment(ref refreshed);
                }
            }
            catch (Exception e) when (SupplierFailures.IsSupplierFailure(e))
            {
                // A supplier that cannot answer now keeps its last known offer; the page still renders.
            }
        });
        return TypedResults.Ok(new Refreshed(refreshed));
    }

    public sealed record OfferRef(string Supplier, string Sku);

    public sealed record RefreshRequest(IReadOnlyList<OfferRef>? Offers);

    public sealed record Refreshed(int Count);
}
