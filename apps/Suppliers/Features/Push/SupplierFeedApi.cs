using System.Text.Json;
using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Push;

/// <summary>
/// The consumer of the supplier-feed binding: listing changes go to the kernel (which keeps only the newest
/// by timestamp, so repeats and late arrivals are harmless); order status changes become events. Every non-2xx
/// reply requeues the message at once, so a message that can never be applied is parked and acknowledged instead.
/// </summary>
public static class SupplierFeedApi
{
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapSupplierFeed(this RouteGroupBuilder routes)
    {
        routes.MapPost("/" + WebhooksApi.FeedBinding, HandleAsync).WithTags("Webhooks").ExcludeFromDescription();
        return routes;
    }

    // The raw body, not a bound record: a body that does not bind would be a 400, which the queue requeues for ever.
    private static async Task<Ok> HandleAsync(
        HttpRequest request, SupplierRegistry registry, KernelCatalogClient kernel, IEventPublisher events, InputBindingMessages messages,
        CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (body.Length > MaxBodyBytes || Parse(body) is not { Supplier.Length: > 0 } message)
        {
            await messages.ParkAsync(WebhooksApi.FeedBinding, body, "not a supplier-feed message", ct);
            return TypedResults.Ok();
        }
        if (registry.Find(message.Supplier) is not { } supplier)
        {
            await messages.ParkAsync(WebhooksApi.FeedBinding, body, $"unknown or disabled supplier '{message.Supplier}'", ct);
            return TypedResults.Ok();
        }
        try
        {
            await ApplyAsync(message, supplier, kernel, events, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Requeued (the 500) until its last try; then parked and acknowledged so the queue moves on.
            if (!await messages.FailedAsync(WebhooksApi.FeedBinding, body, e, ct))
            {
                throw;
            }
        }
        return TypedResults.Ok();
    }

    private static async Task ApplyAsync(SupplierFeedMessage message, ISupplier supplier, KernelCatalogClient kernel, IEventPublisher events, CancellationToken ct)
    {
        if (message.SupplierOrderId is { } orderId)
        {
            await events.PublishAsync(Topics.SupplierOrderUpdated,
                new SupplierOrderUpdated(supplier.Code, orderId, message.OrderReference, message.OrderStatus ?? "unknown", message.ChangedAt), ct: ct);
            return;
        }
        if (message.Sku is { } sku)
        {
            var read = message.Price is null ? await TryLiveAsync(supplier, sku, ct) : null;
            var price = message.Price ?? read?.Price;
            var outcome = await kernel.ApplyChangeAsync(new OfferChange(
                supplier.Code, sku, price, price is null ? null : supplier.Currency, message.Stock,
                message.Stock is { } stock ? stock > 0 : null, message.ChangedAt), ct);
            // Two pushes stamped alike can arrive in either order; the supplier's listing as it is now settles which
            // stays (the one read for a missing price was read after this push arrived, so it serves).
            if (outcome.Contested && (read ?? await TryLiveAsync(supplier, sku, ct)) is { } live)
            {
                await kernel.ApplyChangeAsync(new OfferChange(
                    supplier.Code, sku, live.Price, live.Currency, live.Stock, live.Available, live.SupplierUpdatedAt ?? message.ChangedAt), ct);
            }
        }
    }

    private static SupplierFeedMessage? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<SupplierFeedMessage>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Kinguin's product.update may omit the price, and two may share a time; read it live unless the supplier is failing.
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
