using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Tests.Workflows;

/// <summary>
/// Keys the store holds itself are sold first, and each at most once however many buyers race for them. Two hundred
/// checkouts at once load the machine on their own: the class runs alone, not beside other stores' scenarios.
/// </summary>
[Collection(nameof(OwnStockTests))]
public sealed class OwnStockTests(CheckoutStoreFixture fixture) : IClassFixture<CheckoutStoreFixture>
{
    private CheckoutStore Shop => fixture.Store;

    [Fact]
    public async Task Own_stock_is_sold_before_any_supplier_is_asked()
    {
        var slug = await Shop.SharedProductAsync(10);
        await Shop.AddStockAsync(slug, 2);
        var placed = await Shop.PlaceAsync(slug, quantity: 2);

        var order = await Shop.PayAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Completed);
        (await Shop.QueryAsync<string>("SELECT k.source FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id WHERE l.order_id = @OrderId",
            new { placed.OrderId })).Should().Equal("stock", "stock");
    }

    [Fact]
    public async Task Two_hundred_buyers_for_twenty_keys_sell_exactly_twenty_and_no_key_twice()
    {
        var slug = await Shop.SharedProductAsync(11);
        await Shop.AddStockAsync(slug, 20);
        // Only own stock can serve this product now: its supplier offers are gone.
        await Shop.QueryAsync<int>("UPDATE supplier_offers SET available = false WHERE product_id = (SELECT id FROM products WHERE slug = @Slug) RETURNING 1",
            new { Slug = slug });
        var placed = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Shop.PlaceAsync(slug, email: $"buyer{i}@example.com")));

        var ids = placed.Select(p => p.OrderId).ToList();
        await Task.WhenAll(ids.Select(Shop.BeginAsync));
        var started = await Shop.WaitAllAsync(ids, CheckoutStore.HasPaymentOrEnded);
        await Task.WhenAll(started.Where(o => o.Payment?.ProviderOrderId is not null).Select(async o =>
        {
            await Shop.ApproveOnPayPalAsync(o.Payment!.ProviderOrderId!);
            await Shop.ReturnAsync(o.OrderId, o.Payment.ProviderOrderId!);
        }));
        var orders = await Shop.WaitAllAsync(ids, o => OrderStatuses.Final.Contains(o.Status));

        orders.Count(o => o.Status == OrderStatuses.Completed).Should().Be(20);
        orders.Where(o => o.Status != OrderStatuses.Completed).Should().OnlyContain(o => o.Status == OrderStatuses.Cancelled || o.Status == OrderStatuses.Refunded);
        orders.Where(o => o.Status == OrderStatuses.Cancelled).Should().OnlyContain(o => o.Payment == null || o.Payment.CaptureId == null);
        var sold = await Shop.QueryAsync<long>("""
            SELECT k.order_line_id FROM product_keys k JOIN products p ON p.id = k.product_id WHERE p.slug = @Slug AND k.status = 'sold'
            """, new { Slug = slug });
        sold.Should().HaveCount(20).And.OnlyHaveUniqueItems();
    }
}

[CollectionDefinition(nameof(OwnStockTests), DisableParallelization = true)]
public sealed class OwnStockCollection;
