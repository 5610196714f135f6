using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Push;

/// <summary>
/// The consumer of the supplier-feed binding: listing changes go to the kernel (which keeps only the newest
/// by timestamp, so repeats and late arrivals are harmless); order status changes become events.
/// </summary>
public static class SupplierFeedApi
{
    public static RouteGroupBuilder MapSupplierFeed(this RouteGroupBuilder routes)
    {
        routes.MapPost("/" + WebhooksApi.FeedBinding, HandleAsync).WithTags("Webhooks").ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<Ok, NotFound>> HandleAsync(
        SupplierFeedMessage message, SupplierRegistry registry, KernelCatalogClient kernel, IEventPublisher events, CancellationToken ct)
    {
        if (registry.Find(message.Supplier) is not { } supplier)
        {
            return TypedResults.NotFound();
        }
        if (message.SupplierOrderId is { } orderId)
        {
            await events.PublishAsync(Topics.SupplierOrderUpdated,
                new SupplierOrderUpdated(supplier.Code, orderId, message.OrderReference, message.OrderStatus ?? "unknown", message.ChangedAt), ct: ct);
            return TypedResults.Ok();
        }
        if (message.Sku is { } sku)
        {
            var price = message.Price ?? (await TryLiveAsync(supplier, sku, ct))?.Price;
            await kernel.ApplyChangeAsync(new OfferChange(
                supplier.Code, sku, price, price is null ? null : supplier.Currency, message.Stock,
                message.Stock is { } stock ? stock > 0 : null, message.ChangedAt), ct);
        }
        return TypedResults.Ok();
    }

    // Kinguin's product.update may omit the price; read it live unless the supplier is failing.
    private static async Task<SupplierOffer?> TryLiveAsync(ISupplier supplier, string sku, CancellationToken ct)
    {
        try
        {
            return await supplier.GetOfferAsync(sku, ct);
        }
        catch (Exception e) when (SupplierFailures.IsSupplierFailure(e))
        {
            return null;
        }
    }
}
