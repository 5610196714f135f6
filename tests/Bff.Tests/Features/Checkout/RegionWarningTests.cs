using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Bff.Tests.Features.Cart;

namespace GamesDrop.Bff.Tests.Features.Checkout;

/// <summary>
/// The checkout review warns, before the PayPal page, about a key that would not activate in the country of the
/// shopper's account, and checkout refuses it in the same words without sending the shopper to PayPal.
/// </summary>
public sealed class RegionWarningTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    [Fact]
    public async Task An_EU_key_in_the_cart_of_a_shopper_in_the_US_is_warned_about_and_refused_before_PayPal()
    {
        using var ann = await new Shopper(fixture.Store).SignedUpAsync("ann.in.us@example.com");
        var product = await fixture.Shop.QueryAsync<string>("""
            SELECT p.slug FROM products p
            WHERE p.region = 'EU' AND EXISTS (SELECT 1 FROM supplier_offers o WHERE o.product_id = p.id AND o.available AND o.stock > 5)
            ORDER BY p.id LIMIT 1
            """);
        (await ann.AddToCartAsync(product)).StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await ann.Http.GetFromJsonAsync<JsonElement>("/bff/api/checkout/region-warning");
        var country = await ann.SendAsync(HttpMethod.Put, "/bff/api/account/country", new { country = "us" });
        var warning = await ann.Http.GetFromJsonAsync<JsonElement>("/bff/api/checkout/region-warning");
        var checkout = await ann.CheckoutAsync();

        before.GetProperty("message").ValueKind.Should().Be(JsonValueKind.Null, "no country given yet: nothing to warn about");
        country.StatusCode.Should().Be(HttpStatusCode.OK);
        (await country.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("country").GetString().Should().Be("US");
        warning.GetProperty("slugs").EnumerateArray().Select(s => s.GetString()).Should().Equal(product);
        var message = warning.GetProperty("message").GetString()!;
        message.Should().EndWith("(a key for Europe) will not activate in US, the country in your account.");
        checkout.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be(message + " Nothing was charged.");
        problem.TryGetProperty("approveUrl", out _).Should().BeFalse();
    }

    [Fact]
    public async Task An_account_country_must_be_two_letters()
    {
        using var bob = await new Shopper(fixture.Store).SignedUpAsync("bob.country@example.com");

        var response = await bob.SendAsync(HttpMethod.Put, "/bff/api/account/country", new { country = "United States" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
