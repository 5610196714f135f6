using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Cart;

public sealed class CartApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;
    private IReadOnlyList<string> _slugs = null!;

    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync();
        _slugs = await _app.SeedAsync("Alpha Quest", "Beta Racer", "Gamma Tactics", "Delta Force", "Epsilon Saga");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_signed_in_cart_survives_logout_and_is_there_at_the_next_login()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");
        (await ann.AddToCartAsync(_slugs[0], 2)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ann.AddToCartAsync(_slugs[0], 1)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ann.SendAsync(HttpMethod.Post, "/bff/api/auth/logout")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var whileOut = await ann.CartAsync();
        (await ann.LoginAsync("ann@example.com")).StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await ann.CartAsync();

        whileOut.Lines().Should().BeEmpty("signed out, the browser has an anonymous cart of its own");
        again.Lines().Should().Equal((_slugs[0], 3));
        again.GetProperty("itemCount").GetInt32().Should().Be(3);
        again.GetProperty("total").GetDecimal().Should().Be(3 * 11.56m);
        again.GetProperty("currency").GetString().Should().Be("EUR");
        again.GetProperty("csrfToken").GetString().Should().Be(ann.CsrfToken);
    }

    [Fact]
    public async Task The_header_count_carries_the_token_the_next_add_sends_with_no_other_call()
    {
        using var shopper = new Shopper(_app);
        (await shopper.AddToCartAsync(_slugs[0])).EnsureSuccessStatusCode();
        var count = await shopper.Http.GetFromJsonAsync<JsonElement>("/bff/api/cart/count");

        var add = await shopper.AddToCartAsync(_slugs[1], token: count.GetProperty("csrfToken").GetString());

        add.StatusCode.Should().Be(HttpStatusCode.OK);
        count.GetProperty("itemCount").GetInt32().Should().Be(1);
        (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemCount").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task An_anonymous_cart_merges_into_the_account_at_login_capped_per_line()
    {
        using (var before = await new Shopper(_app).SignedUpAsync("ann@example.com"))
        {
            (await before.AddToCartAsync(_slugs[0], 8)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        using var ann = new Shopper(_app);
        (await ann.AddToCartAsync(_slugs[0], 5)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ann.AddToCartAsync(_slugs[1], 1)).StatusCode.Should().Be(HttpStatusCode.OK);
        var anonymousId = ann.CartCookie();

        var login = await ann.LoginAsync("ann@example.com");

        login.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("gd_cart=;") && c.Contains("expires="));
        ann.CartCookie().Should().BeNull();
        (await ann.CartAsync()).Lines().Should().BeEquivalentTo([(_slugs[0], 10), (_slugs[1], 1)]);
        using var replay = new Shopper(_app);
        replay.Cookies.Add(_app.BaseUri, new Cookie("gd_cart", anonymousId));
        (await replay.CartAsync()).Lines().Should().BeEmpty("the anonymous cart was emptied into the account");
    }

    [Fact]
    public async Task Fifty_parallel_adds_to_one_cart_lose_nothing()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");
        var token = await ann.TokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => ann.AddToCartAsync(_slugs[i % 5], 1, token)));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        var cart = await ann.CartAsync();
        cart.Lines().Should().BeEquivalentTo(_slugs.Select(s => (s, 10)));
        cart.GetProperty("itemCount").GetInt32().Should().Be(50);
    }

    [Fact]
    public async Task A_price_change_shows_on_the_next_read_and_an_unavailable_product_is_flagged_not_removed()
    {
        using var ann = new Shopper(_app);
        await ann.AddToCartAsync(_slugs[0], 2);
        await ann.AddToCartAsync(_slugs[1], 1);

        await _app.OfferAsync(CartCatalog.Offer("Alpha Quest", "k-0", 20m, 5), CartCatalog.Offer("Beta Racer", "k-1", 10m, 0));
        var cart = await ann.CartAsync();

        var lines = cart.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("slug").GetString()!);
        var changed = lines[_slugs[0]];
        changed.GetProperty("addedUnitPrice").GetDecimal().Should().Be(11.56m);
        changed.GetProperty("unitPrice").GetDecimal().Should().BeGreaterThan(11.56m);
        changed.GetProperty("priceChanged").GetBoolean().Should().BeTrue();
        changed.GetProperty("lineTotal").GetDecimal().Should().Be(2 * changed.GetProperty("unitPrice").GetDecimal());
        var gone = lines[_slugs[1]];
        (gone.GetProperty("available").GetBoolean(), gone.GetProperty("unitPrice").ValueKind, gone.GetProperty("lineTotal").GetDecimal())
            .Should().Be((false, JsonValueKind.Null, 0m));
        gone.GetProperty("title").GetString().Should().Be("Beta Racer");
        cart.GetProperty("hasUnavailable").GetBoolean().Should().BeTrue();
        cart.GetProperty("itemCount").GetInt32().Should().Be(2);
        cart.GetProperty("total").GetDecimal().Should().Be(changed.GetProperty("lineTotal").GetDecimal());
    }

    [Fact]
    public async Task One_shopper_never_reads_or_changes_another_shoppers_cart()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");
        await ann.AddToCartAsync(_slugs[0], 3);
        using var bob = await new Shopper(_app).SignedUpAsync("bob@example.com");
        using var mallory = new Shopper(_app);
        mallory.Cookies.Add(_app.BaseUri, new Cookie("gd_cart", "user-" + ann.Id));
        using var guesser = new Shopper(_app);
        guesser.Cookies.Add(_app.BaseUri, new Cookie("gd_cart", new string('A', 43)));

        var bobsRemove = await bob.RemoveFromCartAsync(_slugs[0]);
        var bobsChange = await bob.SetQuantityAsync(_slugs[0], 1);
        var mallorysCart = await mallory.CartAsync();
        var mallorysRemove = await mallory.RemoveFromCartAsync(_slugs[0]);
        var guessersCart = await guesser.CartAsync();

        (await bob.CartAsync()).Lines().Should().BeEmpty();
        bobsChange.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await bobsRemove.Content.ReadFromJsonAsync<JsonElement>()).Lines().Should().BeEmpty();
        mallorysCart.Lines().Should().BeEmpty();
        mallorysRemove.StatusCode.Should().Be(HttpStatusCode.OK);
        mallory.CartCookie().Should().NotStartWith("user-", "a cookie that is no issued id is replaced");
        guessersCart.Lines().Should().BeEmpty();
        (await ann.CartAsync()).Lines().Should().Equal((_slugs[0], 3));
    }

    [Fact]
    public async Task Writes_without_the_carts_csrf_token_are_refused_with_403()
    {
        using var ann = new Shopper(_app);
        using var bob = new Shopper(_app);
        var bobsToken = await bob.TokenAsync();
        using var cara = await new Shopper(_app).SignedUpAsync("cara@example.com");

        var noCookie = await new Shopper(_app).AddToCartAsync(_slugs[0], 1, token: "anything");
        await ann.CartAsync();
        var othersToken = await ann.AddToCartAsync(_slugs[0], 1, bobsToken);
        var signedInWithout = await cara.AddToCartAsync(_slugs[0], 1, token: "");
        var signedIn = await cara.AddToCartAsync(_slugs[0], 1);

        foreach (var refused in new[] { noCookie, othersToken, signedInWithout })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ann.CartAsync()).Lines().Should().BeEmpty();
    }

    [Fact]
    public async Task The_token_alone_is_the_one_the_cart_carries()
    {
        using var ann = new Shopper(_app);
        using var cara = await new Shopper(_app).SignedUpAsync("cara@example.com");

        foreach (var shopper in new[] { ann, cara })
        {
            var token = (await shopper.Http.GetFromJsonAsync<JsonElement>("/bff/api/cart/csrf")).GetProperty("token").GetString();
            token.Should().Be(await shopper.TokenAsync());
        }
        cara.CsrfToken.Should().Be(await cara.TokenAsync(), "a signed-in shopper's cart token is the session's");
    }

    [Fact]
    public async Task Bad_quantities_unknown_products_and_bad_bodies_get_problem_details()
    {
        using var ann = new Shopper(_app);
        await ann.AddToCartAsync(_slugs[0], 9);
        var token = await ann.TokenAsync();

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["zero"] = await ann.AddToCartAsync(_slugs[1], 0),
            ["eleven"] = await ann.AddToCartAsync(_slugs[1], 11),
            ["over the line limit"] = await ann.AddToCartAsync(_slugs[0], 2),
            ["set to eleven"] = await ann.SetQuantityAsync(_slugs[0], 11),
            ["unknown product"] = await ann.AddToCartAsync("no-such-game", 1),
            ["not in the cart"] = await ann.SetQuantityAsync(_slugs[2], 1),
            ["malformed"] = await Raw(ann, "{\"slug\":", token),
            ["oversized"] = await _app.SendOversizedAsync(HttpMethod.Post, "/bff/api/cart/items"),
        };

        answers.ToDictionary(a => a.Key, a => a.Value.StatusCode).Should().Equal(new Dictionary<string, HttpStatusCode>
        {
            ["zero"] = HttpStatusCode.BadRequest,
            ["eleven"] = HttpStatusCode.BadRequest,
            ["over the line limit"] = HttpStatusCode.BadRequest,
            ["set to eleven"] = HttpStatusCode.BadRequest,
            ["unknown product"] = HttpStatusCode.NotFound,
            ["not in the cart"] = HttpStatusCode.NotFound,
            ["malformed"] = HttpStatusCode.BadRequest,
            ["oversized"] = HttpStatusCode.RequestEntityTooLarge,
        });
        answers.Values.Should().OnlyContain(a => a.Content.Headers.ContentType!.MediaType == "application/problem+json");
        (await ann.CartAsync()).Lines().Should().Equal((_slugs[0], 9));
    }

    [Fact]
    public async Task The_cart_cookie_is_http_only_and_lax_and_host_only_secure_behind_tls_and_never_logged()
    {
        using var ann = new Shopper(_app);
        var plain = await ann.Http.GetAsync("/bff/api/cart");
        using var tls = new HttpRequestMessage(HttpMethod.Get, "/bff/api/cart");
        tls.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await _app.PublicClient().SendAsync(tls);
        var token = await ann.TokenAsync();
        await ann.AddToCartAsync(_slugs[0], 1);
        await ann.SetQuantityAsync(_slugs[0], 4);
        await ann.RemoveFromCartAsync(_slugs[0]);

        plain.Headers.GetValues("Set-Cookie").Single().Should().StartWith("gd_cart=").And.Contain("httponly").And.Contain("samesite=lax")
            .And.Contain("max-age=2592000").And.NotContain("secure");
        secure.Headers.GetValues("Set-Cookie").Single().Should().StartWith("__Host-gd_cart=").And.Contain("secure").And.Contain("path=/")
            .And.NotContain("domain=");
        (await ann.CartAsync()).Lines().Should().BeEmpty();
        _app.Logs.AllText.Should().NotContain(ann.CartCookie()).And.NotContain(token);
    }

    [Fact]
    public async Task An_idle_cart_is_gone_when_its_expiry_reminder_fires()
    {
        await using var app = await EmbeddedApp.StartAsync(new Dictionary<string, string?>
        {
            ["Cart:IdleExpiry"] = "00:00:02",
            ["Actors:ReminderPollInterval"] = "00:00:00.200",
        });
        var slugs = await app.SeedAsync("Alpha Quest");
        using var ann = await new Shopper(app).SignedUpAsync("ann@example.com");
        (await ann.AddToCartAsync(slugs[0], 1)).StatusCode.Should().Be(HttpStatusCode.OK);

        var expired = await Eventually.HoldsAsync(async () => !(await ann.CartAsync()).Lines().Any(), TimeSpan.FromSeconds(30));

        expired.Should().BeTrue();
    }

    [Fact]
    public async Task Too_many_cart_writes_from_one_address_get_429_problem_details()
    {
        await using var app = await EmbeddedApp.StartAsync(new Dictionary<string, string?> { ["RateLimits:CartWritesPerIp"] = "3" });
        var slugs = await app.SeedAsync("Alpha Quest");
        using var ann = new Shopper(app);
        var token = await ann.TokenAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await ann.AddToCartAsync(slugs[0], 1, token));
        }

        answers.Select(a => a.StatusCode).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        answers[3].Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await ann.CartAsync()).Lines().Should().Equal((slugs[0], 3));
    }

    private static Task<HttpResponseMessage> Raw(Shopper shopper, string json, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/bff/api/cart/items") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", token);
        return shopper.Http.SendAsync(request);
    }
}
