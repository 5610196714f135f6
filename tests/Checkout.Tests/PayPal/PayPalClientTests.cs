using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.Checkout.PayPal;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace GamesDrop.Checkout.Tests.PayPal;

public sealed class PayPalClientTests : IAsyncLifetime
{
    private PayPalSandbox _paypal = null!;

    public async Task InitializeAsync() => _paypal = await PayPalSandbox.StartAsync();

    public async Task DisposeAsync() => await _paypal.DisposeAsync();

    private static Task<PayPalCreatedOrder> CreateAsync(PayPalClient client, Guid orderId, decimal amount = 59.99m, bool authorizeOnly = false) =>
        client.CreateOrderAsync(orderId, "GD-" + orderId.ToString("N")[..8], amount, "EUR",
            "https://store.test/checkout/return", "https://store.test/checkout/cancel", "Elden Ring (Steam)", authorizeOnly);

    private async Task<(PayPalClient Client, string PayPalOrderId, PayPalAuthorization Authorization)> AuthorizedAsync(Guid orderId)
    {
        var client = _paypal.Client();
        var created = await CreateAsync(client, orderId, 20m, authorizeOnly: true);
        await _paypal.ApproveAsync(created.Id);
        return (client, created.Id, (await client.AuthorizeOrderAsync(created.Id, orderId))!);
    }

    private async Task<(PayPalClient Client, PayPalCaptureResult Captured)> CapturedAsync(Guid orderId, decimal amount = 10m)
    {
        var client = _paypal.Client();
        var created = await CreateAsync(client, orderId, amount);
        await _paypal.ApproveAsync(created.Id);
        return (client, await client.CaptureOrderAsync(created.Id, orderId));
    }

    [Fact]
    public async Task One_token_serves_many_concurrent_calls_from_many_clients()
    {
        var tokens = new PayPalTokenCache(TimeProvider.System);
        var created = await CreateAsync(_paypal.Client(tokens), Guid.NewGuid());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _paypal.Client(tokens).GetOrderAsync(created.Id)));

        _paypal.TokenCalls.Should().Be(1);
    }

    [Fact]
    public async Task A_token_near_its_expiry_is_replaced()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = _paypal.Client(new PayPalTokenCache(clock));
        var created = await CreateAsync(client, Guid.NewGuid());

        clock.Advance(TimeSpan.FromHours(9) - TimeSpan.FromMinutes(4));
        await client.GetOrderAsync(created.Id);

        _paypal.TokenCalls.Should().Be(2, "the sandbox's tokens live nine hours and the client renews five minutes early");
    }

    [Fact]
    public async Task Wrong_credentials_are_a_PayPalException_with_the_OAuth_error()
    {
        var call = () => CreateAsync(_paypal.Client(clientSecret: "wrong"), Guid.NewGuid());

        var error = (await call.Should().ThrowAsync<PayPalException>()).Which;
        error.Status.Should().Be(401);
        error.Name.Should().Be("invalid_client");
    }

    [Fact]
    public async Task Creating_twice_for_one_order_returns_the_same_PayPal_order_with_its_payer_action_link()
    {
        var client = _paypal.Client();
        var orderId = Guid.NewGuid();

        var first = await CreateAsync(client, orderId);
        var again = await CreateAsync(client, orderId);

        again.Id.Should().Be(first.Id);
        first.Status.Should().Be("PAYER_ACTION_REQUIRED");
        first.ApproveUrl.Should().Contain($"token={first.Id}");
        var order = await client.GetOrderAsync(first.Id);
        order.PurchaseUnits![0].CustomId.Should().Be(orderId.ToString("D"));
        order.PurchaseUnits[0].Amount.Should().Be(new PayPalMoney("EUR", "59.99"));
    }

    [Fact]
    public async Task Capturing_twice_makes_one_capture_whether_replayed_or_already_captured()
    {
        var orderId = Guid.NewGuid();
        var (client, first) = await CapturedAsync(orderId);

        var replayed = await client.CaptureOrderAsync(first.PayPalOrderId, orderId);
        var fromAnotherRequest = await client.CaptureOrderAsync(first.PayPalOrderId, Guid.NewGuid());

        first.Outcome.Should().Be(PayPalCaptureOutcome.Completed);
        first.Capture!.Status.Should().Be("COMPLETED");
        first.Capture.CustomId.Should().Be(orderId.ToString("D"));
        replayed.Capture!.Id.Should().Be(first.Capture.Id);
        fromAnotherRequest.Outcome.Should().Be(PayPalCaptureOutcome.Completed);
        fromAnotherRequest.Capture!.Id.Should().Be(first.Capture.Id, "ORDER_ALREADY_CAPTURED is answered by reading the order");
        (await client.GetOrderAsync(first.PayPalOrderId)).Captures.Should().ContainSingle();
    }

    [Fact]
    public async Task A_held_payment_is_authorised_once_then_captured_once_however_often_asked()
    {
        var orderId = Guid.NewGuid();
        var (client, payPalOrderId, authorization) = await AuthorizedAsync(orderId);

        var authorizedAgain = await client.AuthorizeOrderAsync(payPalOrderId, orderId);
        var fromAnotherRequest = await client.AuthorizeOrderAsync(payPalOrderId, Guid.NewGuid());
        var onHold = await client.GetOrderAsync(payPalOrderId);
        var capture = await client.CaptureAuthorizationAsync(authorization.Id, payPalOrderId, orderId);
        var replayed = await client.CaptureAuthorizationAsync(authorization.Id, payPalOrderId, orderId);
        var alreadyCaptured = await client.CaptureAuthorizationAsync(authorization.Id, payPalOrderId, Guid.NewGuid());

        authorization.Status.Should().Be("CREATED");
        authorization.Amount.Should().Be(new PayPalMoney("EUR", "20.00"));
        authorizedAgain!.Id.Should().Be(authorization.Id);
        fromAnotherRequest!.Id.Should().Be(authorization.Id, "ORDER_ALREADY_AUTHORIZED is answered by reading the order");
        onHold.Captures.Should().BeEmpty("an authorization takes no money");
        capture.Status.Should().Be("COMPLETED");
        replayed.Id.Should().Be(capture.Id);
        alreadyCaptured.Id.Should().Be(capture.Id, "AUTHORIZATION_ALREADY_CAPTURED is answered by reading the order");
        (await client.GetOrderAsync(payPalOrderId)).Captures.Should().ContainSingle();
        (await client.GetAuthorizationAsync(authorization.Id)).Status.Should().Be("CAPTURED");
    }

    [Fact]
    public async Task A_voided_authorization_stays_voided_and_cannot_be_captured()
    {
        var orderId = Guid.NewGuid();
        var (client, payPalOrderId, authorization) = await AuthorizedAsync(orderId);

        await client.VoidAuthorizationAsync(authorization.Id, orderId);
        await client.VoidAuthorizationAsync(authorization.Id, orderId);
        await client.VoidAuthorizationAsync(authorization.Id, Guid.NewGuid());
        var capture = () => client.CaptureAuthorizationAsync(authorization.Id, payPalOrderId, orderId);

        (await capture.Should().ThrowAsync<PayPalException>()).Which.Issue.Should().Be(PayPalIssues.AuthorizationVoided);
        (await client.GetAuthorizationAsync(authorization.Id)).Status.Should().Be("VOIDED");
        (await client.GetOrderAsync(payPalOrderId)).Captures.Should().BeEmpty();
        var pushed = await _paypal.Webhooks.WaitForAsync(w => w.Text.Contains("PAYMENT.AUTHORIZATION."), count: 2);
        pushed.Select(w => JsonDocument.Parse(w.Body).RootElement.GetProperty("event_type").GetString())
            .Should().BeEquivalentTo("PAYMENT.AUTHORIZATION.CREATED", "PAYMENT.AUTHORIZATION.VOIDED");
    }

    [Fact]
    public async Task A_declined_capture_is_a_Declined_result_not_an_exception()
    {
        await _paypal.SetFaultsAsync(new { decline = true });

        var (_, declined) = await CapturedAsync(Guid.NewGuid());

        declined.Outcome.Should().Be(PayPalCaptureOutcome.Declined);
        declined.DeclineReason.Should().Be(PayPalIssues.InstrumentDeclined);
        declined.Capture.Should().BeNull();
    }

    [Fact]
    public async Task Capturing_an_unapproved_order_is_a_PayPalException_with_issue_and_debug_id()
    {
        var client = _paypal.Client();
        var orderId = Guid.NewGuid();
        var created = await CreateAsync(client, orderId);

        var call = () => client.CaptureOrderAsync(created.Id, orderId);

        var error = (await call.Should().ThrowAsync<PayPalException>()).Which;
        error.Status.Should().Be(422);
        error.Name.Should().Be("UNPROCESSABLE_ENTITY");
        error.Issue.Should().Be(PayPalIssues.OrderNotApproved);
        error.DebugId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Refunds_are_once_per_request_id_and_stop_at_the_captured_amount()
    {
        var (client, captured) = await CapturedAsync(Guid.NewGuid(), amount: 10m);
        var captureId = captured.Capture!.Id;

        var partial = await client.RefundCaptureAsync(captureId, 4m, "EUR", "refund-1");
        var repeated = await client.RefundCaptureAsync(captureId, 4m, "EUR", "refund-1");
        var rest = await client.RefundCaptureAsync(captureId, 6m, "EUR", "refund-2");
        var tooMuch = () => client.RefundCaptureAsync(captureId, 1m, "EUR", "refund-3");

        partial.Status.Should().Be("COMPLETED");
        partial.Amount!.Value.Should().Be("4.00");
        repeated.Id.Should().Be(partial.Id);
        rest.Amount!.Amount.Should().Be(6m);
        (await tooMuch.Should().ThrowAsync<PayPalException>()).Which.Issue.Should().Be(PayPalIssues.CaptureFullyRefunded);
    }

    [Fact]
    public async Task A_pushed_webhook_verifies_and_a_tampered_or_unsigned_one_does_not()
    {
        var client = _paypal.Client();
        var created = await CreateAsync(client, Guid.NewGuid());
        await _paypal.ApproveAsync(created.Id);
        var push = (await _paypal.Webhooks.WaitForAsync(_ => true)).Single();
        var headers = new HeaderDictionary(push.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value), StringComparer.OrdinalIgnoreCase));
        var unsigned = new HeaderDictionary(headers.Where(h => h.Key != "PAYPAL-TRANSMISSION-SIG").ToDictionary());

        var genuine = await client.VerifyWebhookSignatureAsync(headers, push.Text, SandboxHost.PayPalWebhookId);
        var tampered = await client.VerifyWebhookSignatureAsync(headers, push.Text.Replace("APPROVED", "COMPLETED"), SandboxHost.PayPalWebhookId);
        var otherWebhook = await client.VerifyWebhookSignatureAsync(headers, push.Text, "WH-SOMEONE-ELSE");
        var withoutSignature = await client.VerifyWebhookSignatureAsync(unsigned, push.Text, SandboxHost.PayPalWebhookId);
        var notJson = await client.VerifyWebhookSignatureAsync(headers, "{not json", SandboxHost.PayPalWebhookId);

        JsonDocument.Parse(push.Body).RootElement.GetProperty("event_type").GetString().Should().Be("CHECKOUT.ORDER.APPROVED");
        genuine.Should().BeTrue();
        tampered.Should().BeFalse();
        otherWebhook.Should().BeFalse();
        withoutSignature.Should().BeFalse();
        notJson.Should().BeFalse();
    }
}
