using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Kinguin;

public sealed class KinguinProductsTests : SandboxTest
{
    private const string Products = "/kinguin/esa/api/v1/products";
    private HttpClient Kinguin => Sandbox.Kinguin();

    [Fact]
    public async Task Search_pages_25_by_default_and_counts_every_match()
    {
        var first = await Kinguin.GetJsonAsync(Products);
        var second = await Kinguin.GetJsonAsync($"{Products}?page=2");

        first.GetProperty("results").GetArrayLength().Should().Be(25);
        first.GetProperty("item_count").GetInt32().Should().BeGreaterThan(400);
        Ids(second).Should().NotIntersectWith(Ids(first));
        Ids(first).Should().BeInAscendingOrder("kinguinId is the default sort");
    }

    [Fact]
    public async Task Pages_follow_kinguinId_either_way_whatever_filters_or_order_of_ids_are_given()
    {
        var all = Ids(await Kinguin.GetJsonAsync($"{Products}?limit=100"));
        var descending = Ids(await Kinguin.GetJsonAsync($"{Products}?limit=100&sortBy=kinguinId&sortType=desc"));
        var filtered = Ids(await Kinguin.GetJsonAsync($"{Products}?limit=100&sortType=desc&platform=Steam"));
        var named = Ids(await Kinguin.GetJsonAsync($"{Products}?kinguinId={all[2]},{all[0]},{all[1]}"));

        all.Should().BeInAscendingOrder();
        descending.Should().BeInDescendingOrder().And.NotIntersectWith(all, "the last of the catalog come first");
        filtered.Should().NotBeEmpty().And.BeInDescendingOrder();
        named.Should().Equal(all[0], all[1], all[2]);
    }

    [Fact]
    public async Task A_product_has_every_documented_field_and_its_offers()
    {
        var product = (await Kinguin.GetJsonAsync($"{Products}?limit=1")).GetProperty("results")[0];

        foreach (var field in new[] { "kinguinId", "productId", "name", "description", "platform", "releaseDate", "price", "qty", "textQty",
                     "totalQty", "cheapestOfferId", "isPreorder", "regionId", "regionalLimitations", "countryLimitation", "activationDetails",
                     "images", "updatedAt", "offers" })
        {
            product.TryGetProperty(field, out _).Should().BeTrue($"{field} is part of Kinguin's product object");
        }
        product.GetProperty("productId").GetString().Should().MatchRegex("^[0-9a-f]{24}$");
        product.GetProperty("images").GetProperty("cover").GetProperty("url").GetString().Should().Contain("/images/");
        var offer = product.GetProperty("offers")[0];
        foreach (var field in new[] { "offerId", "price", "qty", "availableQty", "textQty", "merchantName", "isPreorder", "wholesale" })
        {
            offer.TryGetProperty(field, out _).Should().BeTrue($"{field} is part of Kinguin's offer object");
        }
    }

    [Theory]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("page=0", "page")]
    [InlineData("name=ab", "name")]
    [InlineData("sortBy=price", "sortBy")]
    [InlineData("updatedSince=yesterday", "updatedSince")]
    public async Task Invalid_search_gets_ConstraintViolation(string query, string property)
    {
        using var response = await Kinguin.GetAsync($"{Products}?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await response.JsonAsync();
        error.GetProperty("kind").GetString().Should().Be("ConstraintViolation");
        error.GetProperty("propertyPath").GetString().Should().Be(property);
    }

    [Fact]
    public async Task Limit_100_is_allowed()
    {
        var page = await Kinguin.GetJsonAsync($"{Products}?limit=100");

        page.GetProperty("results").GetArrayLength().Should().Be(100);
    }

    [Fact]
    public async Task Filters_narrow_by_platform_region_name_and_ids()
    {
        var steamEu = await Kinguin.GetJsonAsync($"{Products}?platform=Steam,GOG COM&regionId=1&limit=100");
        var sample = steamEu.GetProperty("results")[0];
        var word = sample.GetProperty("originalName").GetString()!.Split(' ').First(w => w.Length >= 3);
        var byName = await Kinguin.GetJsonAsync($"{Products}?name={Uri.EscapeDataString(word)}&limit=100");
        var byIds = await Kinguin.GetJsonAsync($"{Products}?kinguinId={sample.GetProperty("kinguinId")},{steamEu.GetProperty("results")[1].GetProperty("kinguinId")}");
        var byProductId = await Kinguin.GetJsonAsync($"{Products}?productId={sample.GetProperty("productId").GetString()}");

        steamEu.GetProperty("results").EnumerateArray().Should().OnlyContain(p =>
            (p.GetProperty("platform").GetString() == "Steam" || p.GetProperty("platform").GetString() == "GOG COM")
            && p.GetProperty("regionId").GetInt32() == 1 && p.GetProperty("regionalLimitations").GetString() == "EUROPE");
        byName.GetProperty("results").EnumerateArray().Should().OnlyContain(p => p.GetProperty("name").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase));
        byIds.GetProperty("item_count").GetInt32().Should().Be(2);
        byProductId.GetProperty("results")[0].GetProperty("kinguinId").GetInt32().Should().Be(sample.GetProperty("kinguinId").GetInt32());
    }

    [Fact]
    public async Task IsPreorder_filter_splits_the_catalog()
    {
        var all = (await Kinguin.GetJsonAsync(Products)).GetProperty("item_count").GetInt32();
        var preorders = await Kinguin.GetJsonAsync($"{Products}?isPreorder=yes&limit=100");
        var released = (await Kinguin.GetJsonAsync($"{Products}?isPreorder=no")).GetProperty("item_count").GetInt32();

        preorders.GetProperty("results").EnumerateArray().Should().OnlyContain(p => p.GetProperty("isPreorder").GetBoolean());
        (preorders.GetProperty("item_count").GetInt32() + released).Should().Be(all);
    }

    [Fact]
    public async Task UpdatedSince_returns_only_products_changed_after_it()
    {
        var since = Sandbox.Clock.GetUtcNow().AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var product = (await Kinguin.GetJsonAsync($"{Products}?limit=1")).GetProperty("results")[0];
        using var change = await Sandbox.Admin().PostAsJsonAsync(
            $"/_sandbox/kinguin/products/{product.GetProperty("kinguinId")}/change", new { price = 12.34m });

        var changed = await Kinguin.GetJsonAsync($"{Products}?updatedSince={since}&sortBy=updatedAt");

        change.StatusCode.Should().Be(HttpStatusCode.OK);
        changed.GetProperty("item_count").GetInt32().Should().Be(1);
        var updated = changed.GetProperty("results")[0];
        updated.GetProperty("kinguinId").GetInt32().Should().Be(product.GetProperty("kinguinId").GetInt32());
        updated.GetProperty("price").GetDecimal().Should().BeLessThanOrEqualTo(12.34m);
        updated.GetProperty("updatedAt").GetDateTimeOffset().Should().BeAfter(product.GetProperty("updatedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_same_product_is_found_by_v1KinguinId_and_v2_productId()
    {
        var product = (await Kinguin.GetJsonAsync($"{Products}?limit=1")).GetProperty("results")[0];

        var v1 = await Kinguin.GetJsonAsync($"/kinguin/esa/api/v1/products/{product.GetProperty("kinguinId")}");
        var v2 = await Kinguin.GetJsonAsync($"/kinguin/esa/api/v2/products/{product.GetProperty("productId").GetString()}");
        using var missing = await Kinguin.GetAsync("/kinguin/esa/api/v2/products/000000000000000000000000");

        v1.GetProperty("name").GetString().Should().Be(product.GetProperty("name").GetString());
        v2.GetProperty("kinguinId").GetInt32().Should().Be(product.GetProperty("kinguinId").GetInt32());
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Regions_list_Kinguin_ids_and_names()
    {
        var regions = await Kinguin.GetJsonAsync("/kinguin/esa/api/v1/regions");

        regions.EnumerateArray().Should().Contain(r => r.GetProperty("id").GetInt32() == 3 && r.GetProperty("name").GetString() == "Region free");
    }

    private static List<int> Ids(JsonElement page) =>
        [.. page.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("kinguinId").GetInt32())];
}
