using System.Net;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.PayPal;

public sealed class PayPalOrdersTests : SandboxTest
{
    private static string Link(JsonElement order, string rel) =>
        order.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel).GetProperty("href").GetString()!;

    [Fact]
    public async Task Experience_context_order_waits_for_the_payer_with_a_payer_action_link_and_minimal_reply_by_default()
    {
        var paypal = Sandbox.PayPal();

        using var created = await paypal.CreateAsync(PayPalCalls.OrderBody(), representation: false);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var order = await created.JsonAsync();
        order.GetProperty("status").GetString().Should().Be("PAYER_ACTION_REQUIRED");
        Link(order, "payer-action").Should().Contain($"token={order.GetProperty("id").GetString()}");
        order.TryGetProperty("purchase_units", out _).Should().BeFalse("Prefer: return=minimal is the default");
    }

    [Fact]
    public async Task Application_context_order_is_CREATED_with_an_approve_link_and_echoes_the_purchase_unit()
    {
        var paypal = Sandbox.PayPal();

        using var created = await paypal.CreateAsync(PayPalCalls.OrderBody("12.34", invoiceId: "GD-7", customId: "our-id", legacy: true));

        var order = await created.JsonAsync();
        order.GetProperty("status").GetString().Should().Be("CREATED");
        order.GetProperty("intent").GetString().Should().Be("CAPTURE");
        Link(order, "approve").Should().NotBeNullOrEmpty();
        var unit = order.GetProperty("purchase_units")[0];
        unit.GetProperty("reference_id").GetString().Should().Be("default");
        unit.GetProperty("amount").GetProperty("value").GetString().Should().Be("12.34");
        unit.GetProperty("amount").GetProperty("currency_code").GetString().Should().Be("EUR");
        unit.GetProperty("custom_id").GetString().Should().Be("our-id");
        unit.GetProperty("invoice_id").GetString().Should().Be("GD-7");
    }

    [Fact]
    public async Task Repeating_a_PayPal_Request_Id_answers_200_with_the_same_order()
    {
        var paypal = Sandbox.PayPal();

        using var first = await paypal.CreateAsync(PayPalCalls.OrderBody(), requestId: "create-order-1");
        using var again = await paypal.CreateAsync(PayPalCalls.OrderBody(), requestId: "create-order-1");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.JsonAsync()).GetProperty("id").GetString().Should().Be((await first.JsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_used_invoice_id_under_a_new_request_id_is_DUPLICATE_INVOICE_ID()
    {
        var paypal = Sandbox.PayPal();
        await paypal.CreatedOrderIdAsync(PayPalCalls.OrderBody(invoiceId: "GD-42"));

        using var duplicate = await paypal.CreateAsync(PayPalCalls.OrderBody(invoiceId: "GD-42"), requestId: "another");

        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(duplicate, 422)).Should().Be("DUPLICATE_INVOICE_ID");
    }

    [Theory]
    [InlineData("""{"purchase_units":[{"amount":{"currency_code":"EUR","value":"1.00"}}]}""", "MISSING_REQUIRED_PARAMETER")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[]}""", "MISSING_REQUIRED_PARAMETER")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR","value":"ten"}}]}""", "INVALID_PARAMETER_VALUE")]
    [InlineData("""{"intent":"CAPTURE","purchase_units":[{"amount":{"currency_code":"EUR","value":"1.00"},"invoice_id":"IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII"}]}""", "INVALID_STRING_MAX_LENGTH")]
    [InlineData("""{"intent":""", "MALFORMED_REQUEST_JSON")]
    public async Task Malformed_orders_are_400_INVALID_REQUEST(string body, string issue)
    {
        var paypal = Sandbox.PayPal();
        await paypal.TokenAsync();

        using var response = await paypal.Http.PostAsync("/paypal/v2/checkout/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var error = await PayPalCalls.ErrorAsync(response, 400);
        error.GetProperty("name").GetString().Should().Be("INVALID_REQUEST");
        PayPalCalls.Issue(error).Should().Be(issue);
    }

    [Fact]
    public async Task Unknown_order_is_404_RESOURCE_NOT_FOUND()
    {
        var paypal = Sandbox.PayPal();
        await paypal.TokenAsync();

        using var missing = await paypal.Http.GetAsync("/paypal/v2/checkout/orders/NOSUCHORDER");

        (await PayPalCalls.ErrorAsync(missing, 404)).GetProperty("name").GetString().Should().Be("RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Capturing_before_approval_is_ORDER_NOT_APPROVED()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.CreatedOrderIdAsync();

        using var capture = await paypal.CaptureAsync(orderId);

        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(capture, 422)).Should().Be("ORDER_NOT_APPROVED");
    }

    [Fact]
    public async Task Approved_order_carries_the_payer_country_and_is_captured_once()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.CreatedOrderIdAsync(PayPalCalls.OrderBody("25.00", invoiceId: "GD-9", customId: "ours-9"));
        (await paypal.DecideAsync(orderId, country: "DE")).Dispose();

        var approved = await paypal.GetOrderAsync(orderId);
        using var first = await paypal.CaptureAsync(orderId, requestId: "capture-9");
        using var replay = await paypal.CaptureAsync(orderId, requestId: "capture-9");
        using var second = await paypal.CaptureAsync(orderId, requestId: "capture-9-again");

        approved.GetProperty("status").GetString().Should().Be("APPROVED");
        approved.GetProperty("payer").GetProperty("address").GetProperty("country_code").GetString().Should().Be("DE");
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var order = await first.JsonAsync();
        order.GetProperty("status").GetString().Should().Be("COMPLETED");
        var capture = order.GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("captures").EnumerateArray().Single();
        capture.GetProperty("status").GetString().Should().Be("COMPLETED");
        capture.GetProperty("amount").GetProperty("value").GetString().Should().Be("25.00");
        capture.GetProperty("custom_id").GetString().Should().Be("ours-9");
        capture.GetProperty("invoice_id").GetString().Should().Be("GD-9");
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        (await replay.JsonAsync()).GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("captures")[0]
            .GetProperty("id").GetString().Should().Be(capture.GetProperty("id").GetString());
        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(second, 422)).Should().Be("ORDER_ALREADY_CAPTURED");
    }
}
