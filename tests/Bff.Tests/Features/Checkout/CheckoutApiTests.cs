using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamesDrop.Bff.Tests.Features.Cart;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Checkout;

public sealed class CheckoutApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    private readonly GamesDrop.AppTesting.EmbeddedApp _store = fixture.Store;

    [Fact]
    public async Task A_signed_in_shopper_pays_on_PayPal_reveals_the_key_and_the_cart_is_emptied()
    {
        using var ann = await new Shopper(_store).SignedUpAsync("ann.pays@example.com");

        var started = await ann.CheckoutOneProductAsync(fixture);
        await fixture.DecideOnPayPalAsync(started.ApproveUrl);
        var returned = await ann.ReturnFromPayPalAsync(started.OrderId, started.PayPalToken);
        var receipt = await CheckoutFixture.ReceiptOnceAsync(ann.Http, $"/bff/api/account/orders/{started.OrderId}", "completed");
        var keyId = receipt.GetProperty("lines")[0].GetProperty("keys")[0].GetProperty("keyId").GetInt64();
        var reveal = await ann.SendAsync(HttpMethod.Post, $"/bff/api/account/orders/{started.OrderId}/keys/{keyId}/reveal");

        started.ReceiptUrl.Should().Be($"/account/orders/{started.OrderId}");
        started.ApproveUrl.Should().StartWith(fixture.Sandbox.PayPalApi.ToString());
        started.Response.Headers.Location!.OriginalString.Should().Be(started.ReceiptUrl);
        (started.Response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("gd_receipt="));
        ann.Cookies.GetAllCookies().Should().NotContain(c => c.Name == "gd_receipt", "a signed-in buyer finds the order in the account");
        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptUrl").GetString().Should().Be(started.ReceiptUrl);
        receipt.GetProperty("email").GetString().Should().Be("ann.pays@example.com");
        receipt.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString())
            .Should().Equal("created", "reserved", "awaiting_payment", "paid", "fulfilling", "line_fulfilled", "completed");
        reveal.StatusCode.Should().Be(HttpStatusCode.OK);
        var key = await reveal.Content.ReadFromJsonAsync<JsonElement>();
        (key.GetProperty("keyId").GetInt64(), key.GetProperty("value").GetString()).Should().Match<(long, string?)>(k => k.Item1 == keyId && !string.IsNullOrEmpty(k.Item2));
        (await Eventually.HoldsAsync(async () => !(await ann.CartAsync()).Lines().Any(), CheckoutFixture.Patience))
            .Should().BeTrue("the paid order empties the cart it came from");
        _store.Logs.AllText.Split('\n').Where(l => l.Contains(key.GetProperty("value").GetString()!)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_guest_pays_with_an_email_and_finds_the_receipt_through_the_cookie_and_the_link()
    {
        using var guest = new Shopper(_store);

        var started = await guest.CheckoutOneProductAsync(fixture, "guest.pays@example.com");
        await fixture.DecideOnPayPalAsync(started.ApproveUrl);
        var returned = await guest.ReturnFromPayPalAsync(started.OrderId, started.PayPalToken);
        var receipt = await CheckoutFixture.ReceiptOnceAsync(guest.Http, $"/bff/api/receipts/{started.ReceiptToken}", "completed");
        var keyId = receipt.GetProperty("lines")[0].GetProperty("keys")[0].GetProperty("keyId").GetInt64();
        var reveal = await guest.Http.PostAsync($"/bff/api/receipts/{started.ReceiptToken}/keys/{keyId}/reveal", null);

        var token = started.ReceiptToken;
        started.ReceiptUrl.Should().MatchRegex("^/receipt/[A-Za-z0-9_-]{43}$");
        started.Response.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith("gd_receipt=" + token + ";"))
            .Which.ToLowerInvariant().Should().Contain("httponly");
        returned.StatusCode.Should().Be(HttpStatusCode.OK);
        (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptUrl").GetString().Should().Be(started.ReceiptUrl);
        receipt.GetProperty("orderId").GetGuid().Should().Be(started.OrderId);
        receipt.GetProperty("email").GetString().Should().Be("guest.pays@example.com");
        reveal.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reveal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString().Should().NotBeNullOrEmpty();
        (await Eventually.HoldsAsync(async () => !(await guest.CartAsync()).Lines().Any(), CheckoutFixture.Patience))
            .Should().BeTrue("the paid order empties the guest's cart too");
    }

    [Fact]
    public async Task A_receipt_link_with_a_wrong_or_malformed_token_is_not_found_and_reveals_nothing()
    {
        using var guest = new Shopper(_store);
        var token = (await guest.CheckoutOneProductAsync(fixture, "guest.wrong@example.com")).ReceiptToken;
        var wrong = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        var answers = new List<HttpResponseMessage>();
        foreach (var candidate in new[] { wrong, token[..42], token + "A", token[..42] + ".", "x" })
        {
            answers.Add(await guest.Http.GetAsync($"/bff/api/receipts/{Uri.EscapeDataString(candidate)}"));
            answers.Add(await guest.Http.PostAsync($"/bff/api/receipts/{Uri.EscapeDataString(candidate)}/keys/1/reveal", null));
        }

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.NotFound);
        (await guest.Http.GetAsync($"/bff/api/receipts/{token}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_browser_without_the_receipt_cookie_gets_no_receipt_from_the_return_but_the_link_still_works()
    {
        using var guest = new Shopper(_store);
        var started = await guest.CheckoutOneProductAsync(fixture, "guest.other@example.com");
        await fixture.DecideOnPayPalAsync(started.ApproveUrl);
        (await guest.ReturnFromPayPalAsync(started.OrderId, started.PayPalToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var otherBrowser = new Shopper(_store);

        var returned = await otherBrowser.ReturnFromPayPalAsync(started.OrderId, started.PayPalToken);
        var state = await otherBrowser.Http.GetAsync($"/bff/api/checkout/{started.OrderId}");
        var link = await otherBrowser.Http.GetAsync(started.ReceiptApi);

        returned.StatusCode.Should().Be(HttpStatusCode.NotFound);
        state.StatusCode.Should().Be(HttpStatusCode.NotFound);
        link.StatusCode.Should().Be(HttpStatusCode.OK);
        (await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetGuid().Should().Be(started.OrderId);
    }

    [Fact]
    public async Task Checking_out_an_empty_cart_is_a_409_problem()
    {
        using var ann = await new Shopper(_store).SignedUpAsync("ann.empty@example.com");
        using var guest = new Shopper(_store);

        var signedIn = await ann.CheckoutAsync();
        var anonymous = await guest.CheckoutAsync("guest.empty@example.com");

        foreach (var refused in new[] { signedIn, anonymous })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().Should().Be("Your cart is empty");
        }
        guest.Cookies.GetAllCookies().Should().NotContain(c => c.Name == "gd_receipt");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-an-email")]
    [InlineData("Guest <guest@example.com>")]
    [InlineData("guest@example.com\0")]
    [InlineData("gu\u0001est@example.com")]
    [InlineData("guest@exa\nmple.com")]
    [InlineData("long")]
    public async Task A_guest_without_a_usable_email_gets_400_with_errors_on_email(string? email)
    {
        if (email == "long")
        {
            email = new string('a', 288) + "@example.com";
        }
        using var guest = new Shopper(_store);
        await guest.AddToCartAsync(await fixture.ProductAsync());

        var refused = await guest.CheckoutAsync(email);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue(problem.ToString());
        (await guest.CartAsync()).Lines().Should().ContainSingle("a refused checkout leaves the cart alone");
    }

    [Fact]
    public async Task Checking_out_without_the_CSRF_token_is_refused_with_403()
    {
        using var ann = await new Shopper(_store).SignedUpAsync("ann.csrf@example.com");
        await ann.AddToCartAsync(await fixture.ProductAsync());
        using var guest = new Shopper(_store);
        await guest.AddToCartAsync(await fixture.ProductAsync());

        var signedIn = await ann.CheckoutAsync(withCsrf: false);
        var anonymous = await guest.CheckoutAsync("guest.csrf@example.com", withCsrf: false);

        (signedIn.StatusCode, anonymous.StatusCode).Should().Be((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden));
        (await ann.Http.GetFromJsonAsync<JsonElement>("/bff/api/account/orders")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Another_shoppers_order_is_not_found_through_the_account_or_the_checkout()
    {
        using var ann = await new Shopper(_store).SignedUpAsync("ann.owner@example.com");
        var started = await ann.CheckoutOneProductAsync(fixture);
        using var bob = await new Shopper(_store).SignedUpAsync("bob.snoop@example.com");
        using var anonymous = new Shopper(_store);

        var own = await ann.Http.GetAsync($"/bff/api/checkout/{started.OrderId}");
        var answers = new[]
        {
            await bob.Http.GetAsync($"/bff/api/account/orders/{started.OrderId}"),
            await bob.Http.GetAsync($"/bff/api/checkout/{started.OrderId}"),
            await anonymous.Http.GetAsync($"/bff/api/checkout/{started.OrderId}"),
            await bob.SendAsync(HttpMethod.Post, $"/bff/api/account/orders/{started.OrderId}/keys/1/reveal"),
        };

        own.StatusCode.Should().Be(HttpStatusCode.OK);
        var state = await own.Content.ReadFromJsonAsync<JsonElement>();
        (state.GetProperty("orderId").GetGuid(), state.GetProperty("status").GetString(), state.GetProperty("approveUrl").GetString())
            .Should().Be((started.OrderId, "awaiting_payment", started.ApproveUrl));
        answers.Select(a => a.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_return_with_a_PayPal_token_that_is_not_the_orders_is_not_found()
    {
        using var ann = await new Shopper(_store).SignedUpAsync("ann.token@example.com");
        var anns = await ann.CheckoutOneProductAsync(fixture);
        using var bob = await new Shopper(_store).SignedUpAsync("bob.token@example.com");
        var bobs = await bob.CheckoutOneProductAsync(fixture);

        var withBobsToken = await ann.ReturnFromPayPalAsync(anns.OrderId, bobs.PayPalToken);
        var madeUp = await ann.ReturnFromPayPalAsync(anns.OrderId, "5O190127TN364715T");
        var cancelWithBobsToken = await ann.CancelOnReturnAsync(anns.OrderId, bobs.PayPalToken);

        (withBobsToken.StatusCode, madeUp.StatusCode, cancelWithBobsToken.StatusCode)
            .Should().Be((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (await ann.Http.GetFromJsonAsync<JsonElement>($"/bff/api/checkout/{anns.OrderId}")).GetProperty("status").GetString()
            .Should().Be("awaiting_payment");
    }

    [Fact]
    public async Task Cancelling_on_PayPal_cancels_the_order_and_leaves_the_cart_as_it_was()
    {
        using var ann = await new Shopper(_store).SignedUpAsync("ann.cancels@example.com");
        var slug = await fixture.ProductAsync();
        await ann.AddToCartAsync(slug, 2);
        var started = await ann.StartedCheckoutAsync();
        await fixture.DecideOnPayPalAsync(started.ApproveUrl, "cancel");

        var cancelled = await ann.CancelOnReturnAsync(started.OrderId, started.PayPalToken);
        var receipt = await CheckoutFixture.ReceiptOnceAsync(ann.Http, $"/bff/api/account/orders/{started.OrderId}", "cancelled");

        cancelled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ann.Http.GetFromJsonAsync<JsonElement>($"/bff/api/checkout/{started.OrderId}")).GetProperty("status").GetString()
            .Should().Be("cancelled");
        receipt.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString()).Should().Contain("cancelled");
        (await ann.CartAsync()).Lines().Should().Equal((slug, 2));
    }

    [Fact]
    public async Task A_PayPal_webhook_without_or_with_a_forged_signature_is_refused_with_401()
    {
        var body = JsonSerializer.Serialize(new
        {
            id = "WH-FORGED-" + Guid.NewGuid().ToString("N"),
            event_type = "CHECKOUT.ORDER.APPROVED",
            resource = new { id = "5O190127TN364715T", purchase_units = new[] { new { custom_id = Guid.NewGuid().ToString() } } },
        });
        using var paypal = _store.PublicClient();

        var unsigned = await paypal.PostAsync("/bff/api/webhooks/paypal", new StringContent(body, Encoding.UTF8, "application/json"));
        var forged = await paypal.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/bff/api/webhooks/paypal")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers =
            {
                { "PAYPAL-AUTH-ALGO", "SHA256withRSA" },
                { "PAYPAL-CERT-URL", fixture.Sandbox.PayPalApi + "v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270" },
                { "PAYPAL-TRANSMISSION-ID", Guid.NewGuid().ToString() },
                { "PAYPAL-TRANSMISSION-SIG", Convert.ToBase64String(new byte[256]) },
                { "PAYPAL-TRANSMISSION-TIME", DateTimeOffset.UtcNow.ToString("O") },
            },
        });

        (unsigned.StatusCode, forged.StatusCode).Should().Be((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_PayPal_webhook_over_64_KiB_is_refused_whether_its_length_is_declared_or_not()
    {
        var body = "{\"id\":\"WH-BIG\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\",\"pad\":\"" + new string('a', 70 * 1024) + "\"}";
        using var paypal = _store.PublicClient();

        var declared = await paypal.PostAsync("/bff/api/webhooks/paypal", new StringContent(body, Encoding.UTF8, "application/json"));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/bff/api/webhooks/paypal")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) { Headers = { ContentType = new("application/json") } },
        };
        chunked.Headers.TransferEncodingChunked = true;
        var streamed = await paypal.SendAsync(chunked);

        declared.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
        streamed.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PayPals_genuine_webhooks_reach_the_store_and_are_accepted()
    {
        using var guest = new Shopper(_store);
        await guest.PayAsync(fixture, await guest.CheckoutOneProductAsync(fixture, "guest.webhooks@example.com"));
        using var admin = fixture.Sandbox.Admin();

        List<JsonElement> pushes = [];
        var allDelivered = await Eventually.HoldsAsync(async () =>
        {
            pushes = [.. (await admin.GetFromJsonAsync<JsonElement>("_sandbox/webhooks")).EnumerateArray()
                .Where(w => w.GetProperty("partner").GetString() == "paypal")];
            return pushes.Select(p => p.GetProperty("event").GetString()).Contains("CHECKOUT.ORDER.APPROVED")
                && pushes.Select(p => p.GetProperty("event").GetString()).Contains("PAYMENT.CAPTURE.COMPLETED")
                && pushes.All(p => p.GetProperty("delivered").GetBoolean());
        }, CheckoutFixture.Patience);

        allDelivered.Should().BeTrue($"every PayPal push is delivered: {string.Join(", ", pushes)}");
        pushes.Should().OnlyContain(p => p.GetProperty("url").GetString() == $"{_store.BaseUri.ToString().TrimEnd('/')}/bff/api/webhooks/paypal"
            && p.GetProperty("lastStatus").GetInt32() >= 200 && p.GetProperty("lastStatus").GetInt32() < 300);
    }

    [Fact]
    public async Task Neither_revealed_keys_nor_receipt_tokens_reach_the_logs()
    {
        using var guest = new Shopper(_store);
        var started = await guest.CheckoutOneProductAsync(fixture, "guest.logs@example.com");
        var token = started.ReceiptToken;
        var receipt = await guest.PayAsync(fixture, started);
        var keyId = receipt.GetProperty("lines")[0].GetProperty("keys")[0].GetProperty("keyId").GetInt64();

        var reveal = await guest.Http.PostAsync($"/bff/api/receipts/{token}/keys/{keyId}/reveal", null);
        var value = (await reveal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()!;
        await guest.Http.GetAsync($"/bff/api/checkout/{started.OrderId}");

        value.Should().NotBeNullOrEmpty();
        _store.Logs.AllText.Split('\n').Where(l => l.Contains(token) || l.Contains(value)).Should().BeEmpty();
    }
}
