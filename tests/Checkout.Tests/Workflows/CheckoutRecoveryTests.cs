using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Checkout.Tests.Workflows;

/// <summary>Checkouts that outlive a timeout, a host restart or a lost wake-up, each on a store of its own.</summary>
public sealed class CheckoutRecoveryTests
{
    [Fact]
    public async Task An_order_not_approved_in_time_expires_and_its_stock_goes_back()
    {
        await using var shop = await CheckoutStore.StartAsync(new Dictionary<string, string?> { ["Checkout:ApprovalTimeout"] = "00:00:03" });
        var slug = await shop.SharedProductAsync();
        await shop.AddStockAsync(slug, 1);
        var placed = await shop.PlaceAsync(slug);
        await shop.StartAsync(placed.OrderId);

        var order = await shop.WaitFinalAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Expired);
        (await shop.QueryAsync<string>("SELECT status FROM product_keys k JOIN products p ON p.id = k.product_id WHERE p.slug = @Slug", new { Slug = slug }))
            .Should().Equal("available");
    }

    [Fact]
    public async Task A_host_stopped_between_capture_and_fulfilment_completes_the_order_after_restart_with_one_capture()
    {
        await using var shop = await CheckoutStore.StartAsync();
        var placed = await shop.PlaceAsync(await shop.SharedProductAsync());
        await shop.SetFaultsAsync("kinguin", new { hang = true });
        await shop.SetFaultsAsync("digiflazz", new { hang = true });
        var payPalOrderId = await shop.StartAsync(placed.OrderId);
        await shop.ApproveOnPayPalAsync(payPalOrderId);
        await shop.ReturnAsync(placed.OrderId, payPalOrderId);
        await shop.WaitAsync(placed.OrderId, o => o.Status is OrderStatuses.Paid or OrderStatuses.Fulfilling);

        await shop.Inner.RestartStoreAsync();
        await shop.SetFaultsAsync("kinguin", new { });
        await shop.SetFaultsAsync("digiflazz", new { });

        var order = await shop.WaitFinalAsync(placed.OrderId);
        order.Status.Should().Be(OrderStatuses.Completed);
        (await shop.PayPalCapturesAsync(payPalOrderId)).Should().Be(1);
        (await shop.QueryAsync<int>("SELECT count(*)::int FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id WHERE l.order_id = @OrderId",
            new { placed.OrderId })).Should().Equal(1);
    }

    [Fact]
    public async Task A_paid_order_whose_wake_up_was_lost_is_completed_by_the_reconciler()
    {
        // Supplier keys arrive late, so the line waits on a purchase poll an hour away: the wake-up that is then deleted.
        // "Stuck" is long enough that the host's own reconcile cron never ends the restarted instance between two of its steps
        // on a loaded machine, and short enough for the test to wait it out.
        await using var shop = await CheckoutStore.StartAsync(new Dictionary<string, string?>
        {
            ["Checkout:FirstPurchasePoll"] = "01:00:00",
            ["Checkout:PurchasePollInterval"] = "01:00:00",
            ["Checkout:StuckAfter"] = "00:00:15",
        });
        await shop.SetFaultsAsync("kinguin", new { keyDeliverySeconds = 2 });
        await shop.SetFaultsAsync("digiflazz", new { keyDeliverySeconds = 2 });
        var placed = await shop.PlaceAsync(await shop.SharedProductAsync());
        var payPalOrderId = await shop.StartAsync(placed.OrderId);
        await shop.ApproveOnPayPalAsync(payPalOrderId);
        await shop.ReturnAsync(placed.OrderId, payPalOrderId);
        var instance = new { Id = placed.OrderId.ToString("D") };
        (await Eventually.HoldsAsync(async () => (await shop.QueryAsync<int>(
            "SELECT count(*)::int FROM workflows.work_items WHERE instance_id = @Id AND due_at > now() + interval '10 minutes'", instance))[0] == 1,
            CheckoutStore.Patience)).Should().BeTrue("the workflow waits on its purchase poll");

        await shop.QueryAsync<int>("DELETE FROM workflows.work_items WHERE instance_id = @Id RETURNING 1", instance);
        using var checkout = shop.Store.InternalClient();
        Features.Reconciler.ReconcilerApi.Reconciled? reconciled = null;
        (await Eventually.HoldsAsync(async () =>
        {
            var response = await checkout.PostAsync("/checkout/checkout-reconcile", null);
            response.EnsureSuccessStatusCode();
            reconciled = (await response.Content.ReadFromJsonAsync<List<Features.Reconciler.ReconcilerApi.Reconciled>>())!
                .FirstOrDefault(r => r.OrderId == placed.OrderId) ?? reconciled;
            return reconciled?.Action == "workflow restarted";
        }, CheckoutStore.Patience)).Should().BeTrue($"the reconciler ends the stuck workflow, then starts it again; last: {reconciled?.Action}");

        var order = await shop.WaitFinalAsync(placed.OrderId);
        order.Status.Should().Be(OrderStatuses.Completed);
        (await shop.PayPalCapturesAsync(payPalOrderId)).Should().Be(1);
        (await shop.QueryAsync<int>("SELECT count(*)::int FROM messaging.outbox WHERE topic = 'order-stuck'")).Single().Should().BeGreaterThan(0);
    }
}
