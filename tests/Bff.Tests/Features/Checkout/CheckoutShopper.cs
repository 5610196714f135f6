using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GamesDrop.AppTesting;
using GamesDrop.Bff.Tests.Features.Cart;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Checkout;

/// <summary>
/// The whole store trading with the partner simulators, synced once, for a test class whose tests each buy products of
/// their own. Checkout timings are short (as in Checkout.Tests) so a purchase ends quickly; nothing asserts on speed.
/// </summary>
public sealed class CheckoutFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    public const string AdminEmail = "boss@example.com";
    public const string AdminPassword = "admin secret horse";

    private int _nextProduct;

    public StoreWithSandbox Shop { get; private set; } = null!;
    public EmbeddedApp Store => Shop.Store;
    public SandboxHost Sandbox => Shop.Sandbox;

    public async Task InitializeAsync()
    {
        Shop = await StoreWithSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["Checkout:ApprovalTimeout"] = "00:02:00",
            ["Checkout:PurchasePollInterval"] = "00:00:01",
            ["Checkout:MaxPurchasePolls"] = "60",
            ["Suppliers:Purchases:AttemptTimeout"] = "00:00:03",
            ["Suppliers:Purchases:CheckBackoff"] = "00:00:00.100",
            ["RateLimits:AuthPerIp"] = "100",
            ["Admin:Email"] = AdminEmail,
            ["Secrets:admin-password"] = AdminPassword,
        });
        await Shop.SyncAsync("kinguin", full: true);
        await Shop.SyncAsync("digiflazz", full: true);
    }

    /// <summary>A product no other test of the class buys, that both suppliers sell with stock to spare.</summary>
    public Task<string> ProductAsync() => Shop.QueryAsync<string>("""
        SELECT p.slug FROM products p
        WHERE EXISTS (SELECT 1 FROM supplier_offers o WHERE o.product_id = p.id AND o.supplier_code = 'kinguin' AND o.available AND o.stock > 5)
          AND EXISTS (SELECT 1 FROM supplier_offers o WHERE o.product_id = p.id AND o.supplier_code = 'digiflazz' AND o.available AND o.stock > 5)
        ORDER BY p.id OFFSET @Skip LIMIT 1
        """, new { Skip = Interlocked.Increment(ref _nextProduct) - 1 });

    /// <summary>What the approval page's button posts for the PayPal order in <paramref name="approveUrl"/>; the redirect is not followed.</summary>
    public async Task DecideOnPayPalAsync(string approveUrl, string action = "approve")
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Sandbox.PayPalApi };
        using var response = await browser.PostAsync("checkoutnow",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = PayPalToken(approveUrl), ["action"] = action }));
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
    }

    /// <summary>PayPal's order id, which its approval link carries and PayPal appends to the return address as <c>token</c>.</summary>
    public static string PayPalToken(string approveUrl) => Uri.UnescapeDataString(Regex.Match(approveUrl, "[?&]token=([^&]+)").Groups[1].Value);

    /// <summary>Reads <paramref name="path"/> as <paramref name="http"/> until its order has <paramref name="status"/>.</summary>
    public static async Task<JsonElement> ReceiptOnceAsync(HttpClient http, string path, string status)
    {
        JsonElement receipt = default;
        (await Eventually.HoldsAsync(async () =>
        {
            receipt = await http.GetFromJsonAsync<JsonElement>(path);
            return receipt.GetProperty("status").GetString() == status;
        }, Patience)).Should().BeTrue($"{path} should become {status}; it is {receipt}");
        return receipt;
    }

    public async Task DisposeAsync() => await Shop.DisposeAsync();
}

/// <summary>Checkout calls as the storefront makes them, with the cart's CSRF token on the write.</summary>
internal static class CheckoutShopper
{
    public static async Task<HttpResponseMessage> CheckoutAsync(this Shopper shopper, string? email = null, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/bff/api/checkout") 
        {
            Content = email is null ? JsonContent.Create(new { }) : JsonContent.Create(new { email }),
        };
        if (withCsrf)
        {
            request.Headers.Add("X-CSRF-Token", await shopper.TokenAsync());
        }
        return await shopper.Http.SendAsync(request);
    }

    /// <summary>Checks the cart out, failing the test unless the order was placed and PayPal's link came back.</summary>
    public static async Task<Started> StartedCheckoutAsync(this Shopper shopper, string? email = null)
    {
        var response = await shopper.CheckoutAsync(email);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Started(body.GetProperty("orderId").GetGuid(), body.GetProperty("approveUrl").GetString()!,
            body.GetProperty("receiptUrl").GetString()!, response);
    }

    /// <summary>Puts one product no other test buys in the cart and checks it out.</summary>
    public static async Task<Started> CheckoutOneProductAsync(this Shopper shopper, CheckoutFixture fixture, string? email = null)
    {
        (await shopper.AddToCartAsync(await fixture.ProductAsync())).StatusCode.Should().Be(HttpStatusCode.OK);
        return await shopper.StartedCheckoutAsync(email);
    }

    /// <summary>Approves on PayPal, comes back to the store and waits for the completed receipt.</summary>
    public static async Task<JsonElement> PayAsync(this Shopper shopper, CheckoutFixture fixture, Started started)
    {
        await fixture.DecideOnPayPalAsync(started.ApproveUrl);
        (await shopper.ReturnFromPayPalAsync(started.OrderId, started.PayPalToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        return await CheckoutFixture.ReceiptOnceAsync(shopper.Http, started.ReceiptApi, "completed");
    }

    public static Task<HttpResponseMessage> ReturnFromPayPalAsync(this Shopper shopper, Guid orderId, string payPalToken) =>
        shopper.Http.PostAsJsonAsync($"/bff/api/checkout/{orderId}/return", new { token = payPalToken, payerId = "BUYER1" });

    public static Task<HttpResponseMessage> CancelOnReturnAsync(this Shopper shopper, Guid orderId, string payPalToken) =>
        shopper.Http.PostAsJsonAsync($"/bff/api/checkout/{orderId}/cancel", new { token = payPalToken });

    public sealed record Started(Guid OrderId, string ApproveUrl, string ReceiptUrl, HttpResponseMessage Response)
    {
        public string PayPalToken => CheckoutFixture.PayPalToken(ApproveUrl);

        /// <summary>A guest's receipt token, from the receipt link.</summary>
        public string ReceiptToken => ReceiptUrl["/receipt/".Length..];

        /// <summary>The BFF route that reads the receipt <see cref="ReceiptUrl"/> shows.</summary>
        public string ReceiptApi => ReceiptUrl.StartsWith("/receipt/") ? "/bff/api/receipts/" + ReceiptToken : "/bff/api" + ReceiptUrl;
    }
}
