using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Kernel.Tests.Features.Orders;

public sealed class PaymentsApiTests : OrdersTest
{
    [Fact]
    public async Task A_capture_is_recorded_once_and_another_capture_id_is_refused()
    {
        await Client.AddStockAsync(OrderData.Elden, "KEY-1");
        var order = await Client.PaidOrderAsync();

        var repeat = await Client.CaptureAsync(order, $"CAP-{order.Number}");
        var other = await Client.CaptureAsync(order, "CAP-OTHER");
        var paid = await Client.GetOrderAsync(order.OrderId);

        repeat.StatusCode.Should().Be(HttpStatusCode.OK);
        other.StatusCode.Should().Be(HttpStatusCode.Conflict);
        paid.Status.Should().Be(OrderStatuses.Paid);
        paid.Payment.Should().Be(new CheckoutPayment($"PP-{order.Number}", $"https://paypal.example/approve/{order.Number}", "captured",
            $"CAP-{order.Number}", order.Total, 0m));
        (await App.OutboxCountAsync(Topics.OrderPaid)).Should().Be(1);
        (await App.StepsAsync(order.OrderId)).Should().Equal("created", "reserved", "awaiting_payment", "paid");
        (await App.ScalarAsync<DateTime?>("SELECT reserved_until FROM product_keys")).Should().BeNull("a paid order's keys are held until it is fulfilled");
    }

    [Fact]
    public async Task A_paid_order_is_never_released()
    {
        var order = await Client.PaidOrderAsync();

        var release = await Client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/release", new ReleaseOrder(OrderStatuses.Expired, "late"));

        release.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Client.GetOrderAsync(order.OrderId)).Status.Should().Be(OrderStatuses.Paid);
    }

    [Fact]
    public async Task A_capture_reported_after_the_order_expired_still_makes_it_paid()
    {
        var order = await Client.CreateOrderAsync();
        await Client.ReserveAsync(order.OrderId);
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/payment",
            new RecordPayment($"PP-{order.Number}", "https://paypal.example/approve", order.Total, order.Currency));
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/release", new ReleaseOrder(OrderStatuses.Expired, "approval timed out"));

        var captured = await Client.CaptureAsync(order, "CAP-LATE");

        captured.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Client.GetOrderAsync(order.OrderId)).Status.Should().Be(OrderStatuses.Paid);
    }

    [Fact]
    public async Task Refunds_are_recorded_once_per_refund_id()
    {
        var order = await Client.PaidOrderAsync(null, (OrderData.Elden, 1), (OrderData.Hades, 1));
        var hades = order.Lines[1];
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/lines/{hades.LineId}/failed", new FailLine("no supplier had it"));
        var refund = new RecordRefund("REF-1", hades.UnitPrice, "EUR", [hades.LineId]);

        var first = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/refunds", refund);
        var again = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/refunds", refund);
        var tooMuch = await Client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/refunds", new RecordRefund("REF-2", order.Total, "EUR", []));

        first.Payment!.RefundedAmount.Should().Be(hades.UnitPrice);
        first.Lines.Select(l => l.Status).Should().Equal(LineStatuses.Pending, LineStatuses.Refunded);
        again.Should().BeEquivalentTo(first);
        tooMuch.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await App.OutboxCountAsync(Topics.OrderRefunded)).Should().Be(1);
        (await App.ScalarAsync<long>("SELECT count(*) FROM refunds")).Should().Be(1);
    }
}
