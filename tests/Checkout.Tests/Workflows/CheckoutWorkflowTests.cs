using System.Net;
using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.Checkout.Activities;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Tests.Workflows;

/// <summary>The checkout workflow end to end in the Embedded profile, against the PayPal, Kinguin and Digiflazz simulators.</summary>
public sealed class CheckoutWorkflowTests(CheckoutStoreFixture fixture) : IClassFixture<CheckoutStoreFixture>, IAsyncLifetime
{
    private CheckoutStore Shop => fixture.Store;

    public async Task InitializeAsync()
    {
        foreach (var partner in new[] { "paypal", "kinguin", "digiflazz" })
        {
            await Shop.SetFaultsAsync(partner, new { });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record KeyRow(string Source, string? SupplierCode, string? SupplierOrderId, decimal? UnitCost, string? CostCurrency, long OrderLineId);

    private Task<IReadOnlyList<KeyRow>> KeysAsync(Guid orderId) => Shop.QueryAsync<KeyRow>("""
        SELECT k.source AS Source, k.supplier_code AS SupplierCode, k.supplier_order_id AS SupplierOrderId, k.unit_cost AS UnitCost,
               k.cost_currency AS CostCurrency, k.order_line_id AS OrderLineId
        FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id WHERE l.order_id = @OrderId AND k.status = 'sold'
        """, new { OrderId = orderId });

    [Fact]
    public async Task A_paid_order_gets_its_keys_from_the_cheapest_supplier_with_one_capture()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(), quantity: 2);
        var cheapest = (await Shop.CandidatesAsync(placed.OrderId, placed.Lines[0].LineId))[0];

        var order = await Shop.PayAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Completed);
        order.Lines.Should().ContainSingle().Which.Status.Should().Be(LineStatuses.Fulfilled);
        order.Payment!.CaptureId.Should().NotBeNull();
        (await Shop.PayPalCapturesAsync(order.Payment.ProviderOrderId!)).Should().Be(1);
        var keys = await KeysAsync(placed.OrderId);
        keys.Should().HaveCount(2).And.OnlyContain(k => k.Source == "supplier" && k.SupplierCode == cheapest.Supplier
            && k.SupplierOrderId != null && k.UnitCost <= cheapest.MaxUnitPrice && k.CostCurrency == cheapest.Currency);
        var steps = await Shop.QueryAsync<string>("SELECT step FROM order_events WHERE order_id = @OrderId ORDER BY id", new { placed.OrderId });
        // The fraud check runs twice: on the order, and on the PayPal payer before the capture.
        steps.Should().Equal("created", "reserved", "fraud-allow", "awaiting_payment", "fraud-allow", "paid", "fulfilling", "line_fulfilled", "completed");
    }

    [Fact]
    public async Task A_declined_payment_fails_the_order_before_anything_is_bought()
    {
        await Shop.SetFaultsAsync("paypal", new { decline = true });
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(1));

        var order = await Shop.PayAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Failed);
        order.Payment!.CaptureId.Should().BeNull();
        (await KeysAsync(placed.OrderId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Cancelling_on_PayPal_cancels_the_order_without_payment()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(2));
        var payPalOrderId = await Shop.StartAsync(placed.OrderId);
        await Shop.ApproveOnPayPalAsync(payPalOrderId, "cancel");
        using var checkout = Shop.Store.InternalClient();

        (await checkout.PostAsJsonAsync($"/checkout/checkouts/{placed.OrderId}/cancel", new { token = payPalOrderId }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Shop.WaitFinalAsync(placed.OrderId)).Status.Should().Be(OrderStatuses.Cancelled);
        (await Shop.PayPalCapturesAsync(payPalOrderId)).Should().Be(0);
    }

    [Fact]
    public async Task A_return_before_approval_captures_nothing_and_the_later_approval_still_pays()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(3));
        var payPalOrderId = await Shop.StartAsync(placed.OrderId);

        await Shop.ReturnAsync(placed.OrderId, payPalOrderId);
        await Shop.WaitAsync(placed.OrderId, o => o.Status == OrderStatuses.AwaitingPayment);
        await Shop.ApproveOnPayPalAsync(payPalOrderId);
        await Shop.ReturnAsync(placed.OrderId, payPalOrderId);

        (await Shop.WaitFinalAsync(placed.OrderId)).Status.Should().Be(OrderStatuses.Completed);
    }

    [Fact]
    public async Task A_supplier_that_definitely_fails_is_failed_over_to_the_next()
    {
        var (placed, candidates) = await Shop.PlaceWithTwoCandidatesAsync(20);
        await Shop.SetFaultsAsync(candidates[0].Supplier, new { purchaseFault = "error-before", errorStatus = 500 });

        var order = await Shop.PayAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Completed);
        (await KeysAsync(placed.OrderId)).Should().ContainSingle().Which.SupplierCode.Should().Be(candidates[1].Supplier);
    }

    [Fact]
    public async Task A_supplier_that_times_out_but_did_sell_is_not_paid_twice()
    {
        var (placed, candidates) = await Shop.PlaceWithTwoCandidatesAsync(40);
        await Shop.SetFaultsAsync(candidates[0].Supplier, new { purchaseFault = "hang-after" });

        var order = await Shop.PayAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Completed);
        var keys = await KeysAsync(placed.OrderId);
        keys.Should().ContainSingle().Which.SupplierCode.Should().Be(candidates[0].Supplier);
        (await Shop.Sandbox.HasPurchaseAsync(candidates[1].Supplier, FulfilLineActivity.Reference(placed.OrderId, placed.Lines[0].LineId)))
            .Should().BeFalse("the second supplier is never asked once the first turned out to have sold");
    }

    [Fact]
    public async Task When_every_supplier_fails_the_paid_line_is_refunded()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(6));
        await Shop.SetFaultsAsync("kinguin", new { outOfStock = true });
        await Shop.SetFaultsAsync("digiflazz", new { outOfStock = true });

        var order = await Shop.PayAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Refunded);
        order.Lines.Should().ContainSingle().Which.Status.Should().Be(LineStatuses.Refunded);
        order.Payment!.RefundedAmount.Should().Be(placed.Total);
        (await KeysAsync(placed.OrderId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Duplicate_webhooks_and_repeated_returns_capture_once()
    {
        await Shop.SetFaultsAsync("paypal", new { duplicateWebhooks = true });
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(7));
        var payPalOrderId = await Shop.StartAsync(placed.OrderId);
        await Shop.ApproveOnPayPalAsync(payPalOrderId);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Shop.ReturnAsync(placed.OrderId, payPalOrderId)));

        var order = await Shop.WaitFinalAsync(placed.OrderId);
        order.Status.Should().Be(OrderStatuses.Completed);
        (await Shop.PayPalCapturesAsync(payPalOrderId)).Should().Be(1);
        (await Shop.QueryAsync<int>("SELECT count(*)::int FROM payments WHERE order_id = @OrderId AND capture_id IS NOT NULL", new { placed.OrderId }))
            .Should().Equal(1);
        (await KeysAsync(placed.OrderId)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_return_for_another_PayPal_order_is_not_found()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(8));
        await Shop.StartAsync(placed.OrderId);
        using var checkout = Shop.Store.InternalClient();

        var response = await checkout.PostAsJsonAsync($"/checkout/checkouts/{placed.OrderId}/return", new { token = "NOT-THIS-ORDER" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
