using System.Net;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.PayPal;

/// <summary>Intent AUTHORIZE: the approved order is authorised (money held, not taken), then the authorization is captured once or voided.</summary>
public sealed class PayPalAuthorizationsTests : SandboxTest
{
    private async Task<(PayPalCalls PayPal, string OrderId, JsonElement Authorization)> AuthorizedAsync(string invoiceId, string requestId)
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.ApprovedOrderIdAsync(PayPalCalls.OrderBody("30.00", invoiceId: invoiceId, customId: "ours-" + invoiceId, intent: "AUTHORIZE"));
        using var authorized = await paypal.PostAsync($"/paypal/v2/checkout/orders/{orderId}/authorize", new { }, requestId);
        authorized.StatusCode.Should().Be(HttpStatusCode.Created, await authorized.Content.ReadAsStringAsync());
        var order = await authorized.JsonAsync();
        return (paypal, orderId, order.GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("authorizations").EnumerateArray().Single());
    }

    [Fact]
    public async Task An_AUTHORIZE_order_is_authorised_once_and_cannot_be_captured_as_an_order()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.ApprovedOrderIdAsync(PayPalCalls.OrderBody(invoiceId: "GD-A1", intent: "AUTHORIZE"));

        using var capture = await paypal.CaptureAsync(orderId);
        using var first = await paypal.PostAsync($"/paypal/v2/checkout/orders/{orderId}/authorize", new { }, "auth-a1");
        using var replay = await paypal.PostAsync($"/paypal/v2/checkout/orders/{orderId}/authorize", new { }, "auth-a1");
        using var again = await paypal.PostAsync($"/paypal/v2/checkout/orders/{orderId}/authorize", new { }, "auth-a1-again");

        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(capture, 422)).Should().Be("ACTION_DOES_NOT_MATCH_INTENT");
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var order = await first.JsonAsync();
        order.GetProperty("intent").GetString().Should().Be("AUTHORIZE");
        order.GetProperty("status").GetString().Should().Be("COMPLETED");
        var authorization = order.GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("authorizations").EnumerateArray().Single();
        authorization.GetProperty("status").GetString().Should().Be("CREATED");
        authorization.GetProperty("amount").GetProperty("value").GetString().Should().Be("10.00");
        DateTimeOffset.Parse(authorization.GetProperty("expiration_time").GetString()!).Should().BeAfter(DateTimeOffset.UtcNow.AddDays(28));
        order.GetProperty("purchase_units")[0].GetProperty("payments").TryGetProperty("captures", out _).Should().BeFalse("nothing is taken yet");
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(again, 422)).Should().Be("ORDER_ALREADY_AUTHORIZED");
    }

    [Fact]
    public async Task Authorising_before_approval_or_a_CAPTURE_order_is_refused()
    {
        var paypal = Sandbox.PayPal();
        var unapproved = await paypal.CreatedOrderIdAsync(PayPalCalls.OrderBody(invoiceId: "GD-A2", intent: "AUTHORIZE"));
        var captureOrder = await paypal.ApprovedOrderIdAsync(PayPalCalls.OrderBody(invoiceId: "GD-A3"));

        using var early = await paypal.PostAsync($"/paypal/v2/checkout/orders/{unapproved}/authorize", new { });
        using var wrongIntent = await paypal.PostAsync($"/paypal/v2/checkout/orders/{captureOrder}/authorize", new { });

        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(early, 422)).Should().Be("ORDER_NOT_APPROVED");
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(wrongIntent, 422)).Should().Be("ACTION_DOES_NOT_MATCH_INTENT");
    }

    [Fact]
    public async Task An_authorization_is_captured_once_and_then_cannot_be_voided()
    {
        var (paypal, orderId, authorization) = await AuthorizedAsync("GD-A4", "auth-a4");
        var id = authorization.GetProperty("id").GetString();

        using var capture = await paypal.PostAsync($"/paypal/v2/payments/authorizations/{id}/capture", new { final_capture = true }, "cap-a4");
        using var replay = await paypal.PostAsync($"/paypal/v2/payments/authorizations/{id}/capture", new { final_capture = true }, "cap-a4");
        using var second = await paypal.PostAsync($"/paypal/v2/payments/authorizations/{id}/capture", new { }, "cap-a4-again");
        using var @void = await paypal.PostAsync($"/paypal/v2/payments/authorizations/{id}/void", null, "void-a4");

        capture.StatusCode.Should().Be(HttpStatusCode.Created);
        var captured = await capture.JsonAsync();
        captured.GetProperty("status").GetString().Should().Be("COMPLETED");
        captured.GetProperty("amount").GetProperty("value").GetString().Should().Be("30.00");
        captured.GetProperty("custom_id").GetString().Should().Be("ours-GD-A4");
        captured.GetProperty("supplementary_data").GetProperty("related_ids").GetProperty("authorization_id").GetString().Should().Be(id);
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        (await replay.JsonAsync()).GetProperty("id").GetString().Should().Be(captured.GetProperty("id").GetString());
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(second, 422)).Should().Be("AUTHORIZATION_ALREADY_CAPTURED");
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(@void, 422)).Should().Be("AUTHORIZATION_ALREADY_CAPTURED");
        var order = await paypal.GetOrderAsync(orderId);
        var payments = order.GetProperty("purchase_units")[0].GetProperty("payments");
        payments.GetProperty("authorizations")[0].GetProperty("status").GetString().Should().Be("CAPTURED");
        payments.GetProperty("captures").EnumerateArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_voided_authorization_answers_204_and_cannot_be_captured()
    {
        var (paypal, _, authorization) = await AuthorizedAsync("GD-A5", "auth-a5");
        var id = authorization.GetProperty("id").GetString();

        using var @void = await paypal.PostAsync($"/paypal/v2/payments/authorizations/{id}/void", null, "void-a5", representation: false);
        using var capture = await paypal.PostAsync($"/paypal/v2/payments/authorizations/{id}/capture", new { });
        using var voidAgain = await paypal.PostAsync($"/paypal/v2/payments/authorizations/{id}/void", null, "void-a5-again");
        await paypal.TokenAsync();
        var read = await paypal.Http.GetJsonAsync($"/paypal/v2/payments/authorizations/{id}");

        @void.StatusCode.Should().Be(HttpStatusCode.NoContent);
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(capture, 422)).Should().Be("AUTHORIZATION_VOIDED");
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(voidAgain, 422)).Should().Be("AUTHORIZATION_VOIDED");
        read.GetProperty("status").GetString().Should().Be("VOIDED");
    }
}
