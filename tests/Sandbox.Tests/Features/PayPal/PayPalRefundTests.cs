using System.Net;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.PayPal;

public sealed class PayPalRefundTests : SandboxTest
{
    [Fact]
    public async Task Partial_refund_then_the_rest_refunds_the_capture_once()
    {
        var paypal = Sandbox.PayPal();
        var captureId = (await paypal.CapturedAsync(PayPalCalls.OrderBody("10.00"))).GetProperty("id").GetString()!;
        var part = new { amount = new { currency_code = "EUR", value = "4.00" } };

        using var partial = await paypal.RefundAsync(captureId, part, requestId: "refund-line-1");
        using var replay = await paypal.RefundAsync(captureId, part, requestId: "refund-line-1");
        var afterPartial = await paypal.Http.GetJsonAsync($"/paypal/v2/payments/captures/{captureId}");
        using var rest = await paypal.RefundAsync(captureId, requestId: "refund-rest");
        var afterRest = await paypal.Http.GetJsonAsync($"/paypal/v2/payments/captures/{captureId}");
        using var more = await paypal.RefundAsync(captureId, requestId: "refund-more");

        partial.StatusCode.Should().Be(HttpStatusCode.Created);
        var first = await partial.JsonAsync();
        first.GetProperty("status").GetString().Should().Be("COMPLETED");
        first.GetProperty("amount").GetProperty("value").GetString().Should().Be("4.00");
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        (await replay.JsonAsync()).GetProperty("id").GetString().Should().Be(first.GetProperty("id").GetString());
        afterPartial.GetProperty("status").GetString().Should().Be("PARTIALLY_REFUNDED");
        (await rest.JsonAsync()).GetProperty("amount").GetProperty("value").GetString().Should().Be("6.00", "an empty body refunds what is left");
        afterRest.GetProperty("status").GetString().Should().Be("REFUNDED");
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(more, 422)).Should().Be("CAPTURE_FULLY_REFUNDED");
    }

    [Fact]
    public async Task Refunding_more_than_is_left_or_in_another_currency_is_refused()
    {
        var paypal = Sandbox.PayPal();
        var captureId = (await paypal.CapturedAsync(PayPalCalls.OrderBody("10.00"))).GetProperty("id").GetString()!;

        using var tooMuch = await paypal.RefundAsync(captureId, new { amount = new { currency_code = "EUR", value = "10.01" } });
        using var dollars = await paypal.RefundAsync(captureId, new { amount = new { currency_code = "USD", value = "1.00" } });
        using var unknown = await paypal.RefundAsync("NOSUCHCAPTURE");

        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(tooMuch, 422)).Should().Be("REFUND_AMOUNT_EXCEEDED");
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(dollars, 422)).Should().Be("REFUND_CAPTURE_CURRENCY_MISMATCH");
        (await PayPalCalls.ErrorAsync(unknown, 404)).GetProperty("name").GetString().Should().Be("RESOURCE_NOT_FOUND");
    }
}
