using System.Net.Http.Headers;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.PayPal;

public sealed class PayPalAuthTests : SandboxTest
{
    [Fact]
    public async Task Token_needs_the_client_credentials_in_Basic_and_the_client_credentials_grant()
    {
        var paypal = Sandbox.PayPal();

        using var wrongSecret = await paypal.RequestTokenAsync(PayPalCalls.Basic(secret: "guess"));
        using var noAuth = await paypal.RequestTokenAsync(null);
        using var noGrant = await paypal.RequestTokenAsync(PayPalCalls.Basic(), grantType: null);
        using var issued = await paypal.RequestTokenAsync(PayPalCalls.Basic());

        (await PayPalCalls.ErrorAsync(wrongSecret, 401)).GetProperty("error").GetString().Should().Be("invalid_client");
        (await PayPalCalls.ErrorAsync(noAuth, 401)).GetProperty("error").GetString().Should().Be("invalid_client");
        (await PayPalCalls.ErrorAsync(noGrant, 400)).GetProperty("error").GetString().Should().Be("unsupported_grant_type");
        var token = await issued.JsonAsync();
        token.GetProperty("token_type").GetString().Should().Be("Bearer");
        token.GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
        token.GetProperty("expires_in").GetInt32().Should().Be(SandboxApplication.PayPalTokenSeconds);
    }

    [Fact]
    public async Task Every_API_call_needs_a_bearer_token_that_has_not_expired()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.CreatedOrderIdAsync();
        var anonymous = Sandbox.CreateClient();
        var forged = Sandbox.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "A21AAforged");

        using var withoutToken = await anonymous.GetAsync($"/paypal/v2/checkout/orders/{orderId}");
        using var withForgedToken = await forged.GetAsync($"/paypal/v2/checkout/orders/{orderId}");
        using var withToken = await paypal.Http.GetAsync($"/paypal/v2/checkout/orders/{orderId}");
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(SandboxApplication.PayPalTokenSeconds));
        using var expired = await paypal.Http.GetAsync($"/paypal/v2/checkout/orders/{orderId}");

        (await PayPalCalls.ErrorAsync(withoutToken, 401)).GetProperty("name").GetString().Should().Be("AUTHENTICATION_FAILURE");
        (await PayPalCalls.ErrorAsync(withForgedToken, 401)).GetProperty("debug_id").GetString().Should().NotBeNullOrEmpty();
        withToken.IsSuccessStatusCode.Should().BeTrue();
        (await PayPalCalls.ErrorAsync(expired, 401)).GetProperty("name").GetString().Should().Be("AUTHENTICATION_FAILURE");
    }
}
