using System.Globalization;
using Dapper;
using GamesDrop.AppTesting;
using Npgsql;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>
/// The catalog of relevance-catalog.tsv, read only: one offer per line, and for its popularity a paid order of
/// <c>sold</c> units (pending first, then paid, as checkout moves it).
/// </summary>
public sealed class RelevanceFixture : IAsyncLifetime
{
    public EmbeddedApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await EmbeddedApp.StartAsync();
        var lines = Table.Read("relevance-catalog.tsv");
        using var client = App.InternalClient();
        await client.RegisterSupplierAsync("kinguin");
        await client.PostBatchAsync("kinguin", null, [.. lines.Select(l => Offer(
            l["sku"], l["title"], price: decimal.Parse(l["cost"], CultureInfo.InvariantCulture), stock: int.Parse(l["stock"], CultureInfo.InvariantCulture),
            platform: l["platform"], region: l["region"], edition: l["edition"]))]);

        await using var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        foreach (var (line, n) in lines.Where(l => l["sold"] != "0").Select((l, n) => (l, n)))
        {
            var orderId = Guid.NewGuid();
            await connection.ExecuteAsync("""
                INSERT INTO orders (id, number, email, receipt_token_hash, status, currency, total)
                VALUES (@orderId, @Number, 'fan@example.com', decode(md5(@Number), 'hex'), 'pending', 'EUR', 10);
                INSERT INTO order_lines (order_id, product_id, quantity, unit_price, slug, title)
                SELECT @orderId, p.id, @Sold, 10, p.slug, p.title
                FROM supplier_offers o JOIN products p ON p.id = o.product_id WHERE o.supplier_sku = @Sku;
                UPDATE orders SET status = 'paid' WHERE id = @orderId;
                """, new { orderId, Number = $"GD-R{n}", Sold = int.Parse(line["sold"], CultureInfo.InvariantCulture), Sku = line["sku"] });
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
