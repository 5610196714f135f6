using System.Net;
using System.Net.Http.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Notifications;
using GamesDrop.Contracts.Orders;
using Npgsql;

namespace GamesDrop.Notifier.Tests;

/// <summary>The store and the partner simulators, with helpers to read what the notifier queued and sent.</summary>
public sealed class NotifierStore : IAsyncDisposable
{
    private NotifierStore(StoreWithSandbox inner) => Inner = inner;

    public StoreWithSandbox Inner { get; }
    public EmbeddedApp Store => Inner.Store;
    public SandboxHost Sandbox => Inner.Sandbox;

    public static async Task<NotifierStore> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await StoreWithSandbox.StartAsync(settings));

    /// <summary>Delivers an event twice under one CloudEvent id, as daprd may; each delivery is answered 200.</summary>
    public async Task DeliverTwiceAsync(string route, string topic, object data)
    {
        var id = Guid.NewGuid().ToString();
        (await Store.DeliverAsync(route, topic, id, data)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Store.DeliverAsync(route, topic, id, data)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>
    /// A guest's order of one own-stock key taken through the kernel to completed (the kernel then publishes
    /// <c>order-completed</c>, which reaches the notifier as any event does).
    /// </summary>
    public async Task<CreatedOrder> CompletedGuestOrderAsync(string email)
    {
        using var kernel = Store.InternalClient();
        (await kernel.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = true })).EnsureSuccessStatusCode();
        (await kernel.PostAsJsonAsync("/kernel/catalog/offers/batch", new OfferBatch("kinguin", null, [new SupplierOffer("k-1", "Elden Ring", "Steam", "GLOBAL", "",
            ["Action"], new DateOnly(2022, 2, 25), "About it.", "Redeem on Steam.", "https://img.example/k-1.jpg", 10m, "EUR", 5, true, DateTimeOffset.UtcNow)]))).EnsureSuccessStatusCode();
        var slug = await Inner.QueryAsync<string>("SELECT slug FROM products LIMIT 1");
        (await kernel.PostAsJsonAsync("/kernel/stock/keys", new AddStockKeys(slug, ["ELDEN-KEY-1"]))).EnsureSuccessStatusCode();
        var created = await kernel.PostAsJsonAsync("/kernel/orders", new CreateOrder(null, email, "cart-1", [new CreateOrderLine(slug, 1)]));
        created.EnsureSuccessStatusCode();
        var order = (await created.Content.ReadFromJsonAsync<CreatedOrder>())!;
        foreach (var (path, body) in new (string, object?)[]
                 {
                     ("reserve", null),
                     ("payment", new RecordPayment($"PP-{order.Number}", "https://paypal.example/approve", order.Total, order.Currency)),
                     ("payment/captured", new RecordCapture($"PP-{order.Number}", $"CAP-{order.Number}", order.Total, order.Currency)),
                     ($"lines/{order.Lines.Single().LineId}/fulfil-from-stock", null),
                     ("complete", null),
                 })
        {
            (await kernel.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/{path}", body)).EnsureSuccessStatusCode();
        }
        return order;
    }

    public async Task<IReadOnlyList<string>> TelegramTextsAsync() =>
        (await Sandbox.TelegramMessagesAsync()).Select(m => m.GetProperty("text").GetString()!).ToList();

    /// <summary>Queued notifications of <paramref name="channel"/> by status.</summary>
    public async Task<IReadOnlyDictionary<string, int>> DeliveriesAsync(string channel)
    {
        await using var connection = new NpgsqlConnection(Store.DatabaseConnectionString);
        var rows = await connection.QueryAsync<(string Status, int Count)>(
            "SELECT status, count(*)::int FROM notifier.deliveries WHERE channel = @Channel GROUP BY status", new { Channel = channel });
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    public async Task<IReadOnlyList<UndeliveredNotification>> UndeliveredAsync()
    {
        using var notifier = Store.InternalClient();
        return (await notifier.GetFromJsonAsync<List<UndeliveredNotification>>("/notifier/notifications/undelivered"))!;
    }

    public async Task SetFaultsAsync(string partner, object faults)
    {
        using var admin = Sandbox.Admin();
        (await admin.PutAsJsonAsync($"_sandbox/faults/{partner}", faults)).EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
