using System.Net;
using GamesDrop.Sandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace GamesDrop.Sandbox.Tests.Features.PayPal;

public sealed class ApprovalPageTests : SandboxTest
{
    [Fact]
    public async Task Approve_link_opens_a_page_with_the_amount_and_two_buttons()
    {
        var paypal = Sandbox.PayPal();
        using var created = await paypal.CreateAsync(PayPalCalls.OrderBody("59.99", description: "<script>x</script>"));
        var link = (await created.JsonAsync()).GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "payer-action");

        using var page = await paypal.Http.GetAsync(new Uri(link.GetProperty("href").GetString()!).PathAndQuery);

        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("59.99").And.Contain("EUR").And.Contain(">Approve<").And.Contain(">Cancel<").And.Contain("GamesDrop");
        html.Should().NotContain("<script>", "the order's text is escaped");
    }

    [Fact]
    public async Task Approve_marks_the_order_APPROVED_and_sends_the_buyer_to_the_return_url_with_token_and_PayerID()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.CreatedOrderIdAsync();

        using var approved = await paypal.DecideAsync(orderId);

        approved.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var location = approved.Headers.Location!.ToString();
        location.Should().StartWith(PayPalCalls.ReturnUrl + "&", "the return URL's own query is kept");
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        query["token"].ToString().Should().Be(orderId);
        var order = await paypal.GetOrderAsync(orderId);
        order.GetProperty("status").GetString().Should().Be("APPROVED");
        query["PayerID"].ToString().Should().Be(order.GetProperty("payer").GetProperty("payer_id").GetString());
    }

    [Fact]
    public async Task Cancel_sends_the_buyer_to_the_cancel_url_and_leaves_the_order_unapproved()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.CreatedOrderIdAsync();

        using var cancelled = await paypal.DecideAsync(orderId, "cancel");

        cancelled.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        cancelled.Headers.Location!.ToString().Should().Be($"{PayPalCalls.CancelUrl}?token={orderId}");
        (await paypal.GetOrderAsync(orderId)).GetProperty("status").GetString().Should().Be("PAYER_ACTION_REQUIRED");
    }
}
