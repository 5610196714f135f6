using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Tests.Workflows;

/// <summary>
/// Orders the fraud check holds (here: an email at a throwaway-mail domain, which alone reaches the hold score) are only
/// authorised on PayPal, then captured or voided by review. PayPal's own view of the order is the truth about money.
/// </summary>
public sealed class HeldOrderTests(CheckoutStoreFixture fixture) : IClassFixture<CheckoutStoreFixture>
{
    private CheckoutStore Shop => fixture.Store;

    [Fact]
    public async Task A_held_order_is_authorised_not_captured_and_captured_once_approved()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(10), email: "approve.me@mailinator.com");
        var payPalOrderId = await Shop.StartAsync(placed.OrderId);
        (await Shop.ReviewAsync(placed.OrderId, approved: true)).Should().Be(HttpStatusCode.Conflict, "only a held order is reviewed");
        await Shop.ApproveOnPayPalAsync(payPalOrderId);
        await Shop.ReturnAsync(placed.OrderId, payPalOrderId);

        var held = await Shop.WaitAsync(placed.OrderId, o => o.Status == OrderStatuses.Held || OrderStatuses.Final.Contains(o.Status));
        var onHold = await Shop.PayPalOrderAsync(payPalOrderId);
        (await Shop.ReviewAsync(placed.OrderId, approved: true, "alice@gamesdrop.test")).Should().Be(HttpStatusCode.NoContent);
        var order = await Shop.WaitFinalAsync(placed.OrderId);

        held.Status.Should().Be(OrderStatuses.Held);
        held.Payment!.CaptureId.Should().BeNull();
        onHold.GetProperty("intent").GetString().Should().Be("AUTHORIZE");
        Authorization(onHold).GetProperty("status").GetString().Should().Be("CREATED");
        Captures(onHold).Should().Be(0);
        order.Status.Should().Be(OrderStatuses.Completed);
        var paid = await Shop.PayPalOrderAsync(payPalOrderId);
        Authorization(paid).GetProperty("status").GetString().Should().Be("CAPTURED");
        Captures(paid).Should().Be(1);
        order.Payment!.CaptureId.Should().Be(paid.GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("captures")[0].GetProperty("id").GetString());
        var steps = await StepsAsync(placed.OrderId);
        steps.Select(s => s.Step).Should().ContainInOrder("fraud-hold", "awaiting_payment", "held", "review-approved", "paid", "completed");
        steps.Should().Contain(("review-approved", "alice@gamesdrop.test"));
        (await TopicsAsync(placed.OrderId)).Should().Contain(["order-held", "order-reviewed", "order-paid"]);
    }

    [Fact]
    public async Task A_denied_held_order_is_voided_and_cancelled_without_a_capture()
    {
        var (placed, payPalOrderId) = await HeldAsync("deny.me@mailinator.com", 11);

        (await Shop.ReviewAsync(placed.OrderId, approved: false)).Should().Be(HttpStatusCode.NoContent);
        var order = await Shop.WaitFinalAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Cancelled);
        order.Payment!.Status.Should().Be("voided");
        var paypal = await Shop.PayPalOrderAsync(payPalOrderId);
        Authorization(paypal).GetProperty("status").GetString().Should().Be("VOIDED");
        Captures(paypal).Should().Be(0);
        (await StepsAsync(placed.OrderId)).Should().Contain(("review-denied", "staff@example.com"));
        (await Shop.QueryAsync<string>("SELECT status_reason FROM orders WHERE id = @OrderId", new { placed.OrderId })).Single()
            .Should().Contain("nothing was charged");
    }

    [Fact]
    public async Task A_payer_the_rules_stop_is_never_charged()
    {
        // Default rules: at most 2 store accounts per PayPal payer. The third account this payer pays for is stopped.
        var orders = new List<(CreatedOrder Placed, string PayPalOrderId)>();
        foreach (var email in new[] { "payer.one@example.com", "payer.two@example.com", "payer.three@example.com" })
        {
            var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(12), email: email);
            var payPalOrderId = await Shop.StartAsync(placed.OrderId);
            await Shop.ApproveOnPayPalAsync(payPalOrderId, payerId: "SHAREDPAYER01");
            await Shop.ReturnAsync(placed.OrderId, payPalOrderId);
            await Shop.WaitFinalAsync(placed.OrderId);
            orders.Add((placed, payPalOrderId));
        }

        var third = await Shop.WaitFinalAsync(orders[2].Placed.OrderId);

        (await Shop.WaitFinalAsync(orders[1].Placed.OrderId)).Status.Should().Be(OrderStatuses.Completed);
        third.Status.Should().Be(OrderStatuses.Cancelled);
        third.Payment!.CaptureId.Should().BeNull();
        var paypal = await Shop.PayPalOrderAsync(orders[2].PayPalOrderId);
        paypal.GetProperty("status").GetString().Should().Be("APPROVED", "approved by the buyer, never captured");
        Captures(paypal).Should().Be(0);
        (await StepsAsync(third.OrderId)).Should().Contain(s => s.Step == "fraud-hold" && s.Note!.Contains("payer-accounts"));
    }

    private async Task<(CreatedOrder Placed, string PayPalOrderId)> HeldAsync(string email, int product)
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(product), email: email);
        var payPalOrderId = await Shop.StartAsync(placed.OrderId);
        await Shop.ApproveOnPayPalAsync(payPalOrderId);
        await Shop.ReturnAsync(placed.OrderId, payPalOrderId);
        (await Shop.WaitAsync(placed.OrderId, o => o.Status == OrderStatuses.Held || OrderStatuses.Final.Contains(o.Status)))
            .Status.Should().Be(OrderStatuses.Held);
        return (placed, payPalOrderId);
    }

    private static JsonElement Authorization(JsonElement order) =>
        order.GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("authorizations")[0];

    private static int Captures(JsonElement order) => order.GetProperty("purchase_units").EnumerateArray()
        .Sum(u => u.TryGetProperty("payments", out var p) && p.TryGetProperty("captures", out var c) ? c.GetArrayLength() : 0);

    private async Task<IReadOnlyList<(string Step, string? Note)>> StepsAsync(Guid orderId) =>
        [.. (await Shop.QueryAsync<StepRow>("SELECT step AS Step, note AS Note FROM order_events WHERE order_id = @OrderId ORDER BY id", new { OrderId = orderId }))
            .Select(r => (r.Step, r.Note))];

    private Task<IReadOnlyList<string>> TopicsAsync(Guid orderId) =>
        Shop.QueryAsync<string>("SELECT topic FROM messaging.outbox WHERE data->>'orderId' = @OrderId", new { OrderId = orderId.ToString() });

    private sealed record StepRow(string Step, string? Note);
}

/// <summary>
/// A store with a review window of a few seconds, and an email's second order within the hour refused outright: what
/// ends without staff, and what ends before PayPal is ever asked.
/// </summary>
public sealed class StrictPolicyTests : IAsyncLifetime
{
    private CheckoutStore _shop = null!;

    public async Task InitializeAsync() => _shop = await CheckoutStore.StartAsync(new Dictionary<string, string?>
    {
        ["Checkout:ReviewWindow"] = "00:00:03",
        ["Fraud:MaxOrdersPerEmail"] = "1",
        ["Fraud:VelocityScore"] = "120",
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_held_order_nobody_reviews_in_time_is_voided_and_cancelled()
    {
        var placed = await _shop.PlaceAsync(await _shop.SharedProductAsync(), email: "nobody.looks@mailinator.com");
        var payPalOrderId = await _shop.StartAsync(placed.OrderId);
        await _shop.ApproveOnPayPalAsync(payPalOrderId);
        await _shop.ReturnAsync(placed.OrderId, payPalOrderId);

        var order = await _shop.WaitFinalAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Cancelled);
        var paypal = await _shop.PayPalOrderAsync(payPalOrderId);
        paypal.GetProperty("intent").GetString().Should().Be("AUTHORIZE");
        paypal.GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("authorizations")[0].GetProperty("status").GetString()
            .Should().Be("VOIDED");
        (await _shop.PayPalCapturesAsync(payPalOrderId)).Should().Be(0);
        (await _shop.QueryAsync<string>("SELECT step FROM order_events WHERE order_id = @OrderId ORDER BY id", new { placed.OrderId }))
            .Should().ContainInOrder("held", "review-expired", "cancelled");
    }

    [Fact]
    public async Task A_refused_order_ends_before_PayPal_is_asked_and_says_nothing_was_charged()
    {
        var product = await _shop.SharedProductAsync(1);
        await _shop.PlaceAsync(product, email: "twice@example.com");
        var second = await _shop.PlaceAsync(product, email: "twice@example.com");
        using var checkout = _shop.Store.InternalClient();

        (await checkout.PostAsJsonAsync("/checkout/checkouts", new { orderId = second.OrderId })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var order = await _shop.WaitFinalAsync(second.OrderId);

        order.Status.Should().Be(OrderStatuses.Cancelled);
        order.Payment.Should().BeNull("no PayPal order was created");
        order.FraudDecision.Should().Be(FraudDecisions.Refuse);
        (await _shop.QueryAsync<string>("SELECT status_reason FROM orders WHERE id = @OrderId", new { second.OrderId })).Single()
            .Should().Be("We could not accept this order. Nothing was charged.");
        (await checkout.GetFromJsonAsync<JsonElement>($"/checkout/checkouts/{second.OrderId}")).GetProperty("refused").GetBoolean().Should().BeTrue();
    }
}
