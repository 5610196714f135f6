using System.Text.Json;
using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Features.Faults;
using GamesDrop.Sandbox.Webhooks;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Kinguin's pushes: JSON with <c>X-Event-Name</c> and the store's secret verbatim in <c>X-Event-Secret</c>, no signature.</summary>
internal sealed class KinguinWebhooks(WebhookQueue queue, KinguinOptions options)
{
    public const string ProductUpdate = "product.update";
    public const string OrderStatus = "order.status";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProductUpdated ProductChanged(Game game, KinguinState state)
    {
        var cheapest = state.Cheapest;
        var body = new ProductUpdated(game.Kinguin!.KinguinId, game.Kinguin.ProductId, state.Qty, state.TextQty, state.Price,
            [.. cheapest.Select(o => o.OfferId)], state.UpdatedAt);
        Push(ProductUpdate, body);
        return body;
    }

    public OrderStatusChanged OrderChanged(KinguinOrder order, string status, DateTimeOffset at)
    {
        var body = new OrderStatusChanged(order.OrderId, order.OrderExternalId, status, at);
        Push(OrderStatus, body);
        return body;
    }

    private void Push<T>(string eventName, T body)
    {
        var headers = new Dictionary<string, string> { ["X-Event-Name"] = eventName };
        if (!string.IsNullOrEmpty(options.WebhookSecret))
        {
            headers["X-Event-Secret"] = options.WebhookSecret;
        }
        queue.Push(Partners.Kinguin, eventName, options.WebhookUrl, JsonSerializer.SerializeToUtf8Bytes(body, Json), headers);
    }
}

/// <summary>Body of product.update.</summary>
internal sealed record ProductUpdated(int KinguinId, string ProductId, int Qty, int TextQty, decimal Price, string[] CheapestOfferId, DateTimeOffset UpdatedAt);

/// <summary>Body of order.status.</summary>
internal sealed record OrderStatusChanged(string OrderId, string? OrderExternalId, string Status, DateTimeOffset UpdatedAt);
