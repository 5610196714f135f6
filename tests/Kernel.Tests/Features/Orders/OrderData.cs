using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Kernel.Tests.Features.Orders;

/// <summary>Orders, stock and the checkout steps the order tests share.</summary>
internal static class OrderData
{
    public const string Elden = "elden-ring-steam-global";
    public const string Hades = "hades-steam-global";

    public static async Task<CreatedOrder> CreateOrderAsync(this HttpClient client, Guid? userId = null, params (string Slug, int Quantity)[] lines)
    {
        var response = await client.PostAsJsonAsync("/kernel/orders", new CreateOrder(userId, "buyer@example.com", "cart-1",
            (lines.Length == 0 ? [(Elden, 1)] : lines).Select(l => new CreateOrderLine(l.Slug, l.Quantity)).ToList()));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CreatedOrder>())!;
    }

    public static async Task<AddedStockKeys> AddStockAsync(this HttpClient client, string slug, params string[] keys)
    {
        var response = await client.PostAsJsonAsync("/kernel/stock/keys", new AddStockKeys(slug, keys));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AddedStockKeys>())!;
    }

    public static async Task<ReserveResult> ReserveAsync(this HttpClient client, Guid orderId)
    {
        var response = await client.PostAsync($"/kernel/orders/{orderId}/reserve", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ReserveResult>())!;
    }

    public static async Task<CheckoutOrder> GetOrderAsync(this HttpClient client, Guid orderId) =>
        (await client.GetFromJsonAsync<CheckoutOrder>($"/kernel/orders/{orderId}"))!;

    public static Task<HttpResponseMessage> CaptureAsync(this HttpClient client, CreatedOrder order, string captureId) =>
        client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/payment/captured",
            new RecordCapture($"PP-{order.Number}", captureId, order.Total, order.Currency));

    /// <summary>Reserved, its PayPal order created and captured: ready to fulfil.</summary>
    public static async Task<CreatedOrder> PaidOrderAsync(this HttpClient client, Guid? userId = null, params (string Slug, int Quantity)[] lines)
    {
        var order = await client.CreateOrderAsync(userId, lines);
        (await client.ReserveAsync(order.OrderId)).Reserved.Should().BeTrue();
        var payment = await client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/payment",
            new RecordPayment($"PP-{order.Number}", $"https://paypal.example/approve/{order.Number}", order.Total, order.Currency));
        payment.StatusCode.Should().Be(HttpStatusCode.OK, await payment.Content.ReadAsStringAsync());
        var capture = await client.CaptureAsync(order, $"CAP-{order.Number}");
        capture.StatusCode.Should().Be(HttpStatusCode.OK, await capture.Content.ReadAsStringAsync());
        return order;
    }

    public static async Task<T> PostOkAsync<T>(this HttpClient client, string path, object? body = null)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static Task<long> OutboxCountAsync(this EmbeddedApp app, string topic) =>
        app.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox WHERE topic = @Topic", new { Topic = topic });

    /// <summary>The data of the events published on <paramref name="topic"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> OutboxEventsAsync(this EmbeddedApp app, string topic) =>
        (await app.QueryAsync<string>("SELECT data::text FROM messaging.outbox WHERE topic = @Topic ORDER BY id", new { Topic = topic }))
        .Select(data => JsonDocument.Parse(data).RootElement).ToList();

    public static Task<IReadOnlyList<string>> StepsAsync(this EmbeddedApp app, Guid orderId) =>
        app.QueryAsync<string>("SELECT step FROM order_events WHERE order_id = @OrderId ORDER BY id", new { OrderId = orderId });
}
