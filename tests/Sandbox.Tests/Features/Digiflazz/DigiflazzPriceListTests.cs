using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Digiflazz;

public sealed class DigiflazzPriceListTests : SandboxTest
{
    [Fact]
    public async Task Price_list_is_an_array_of_game_products_with_every_documented_field()
    {
        var (status, data) = await Sandbox.Digiflazz().PriceListAsync();

        status.Should().Be(200);
        data.ValueKind.Should().Be(JsonValueKind.Array);
        data.GetArrayLength().Should().BeGreaterThan(250);
        var item = data[0];
        foreach (var field in new[] { "product_name", "category", "brand", "type", "seller_name", "price", "buyer_sku_code", "buyer_product_status",
                     "seller_product_status", "unlimited_stock", "stock", "multi", "start_cut_off", "end_cut_off", "desc" })
        {
            item.TryGetProperty(field, out _).Should().BeTrue($"{field} is part of Digiflazz's price list");
        }
        item.GetProperty("price").ValueKind.Should().Be(JsonValueKind.Number);
        item.GetProperty("price").GetInt64().Should().BePositive();
        item.GetProperty("category").GetString().Should().Be("Games");
        item.GetProperty("product_name").GetString().Should().Contain($" {item.GetProperty("brand").GetString()} Key ")
            .And.MatchRegex(" (GLOBAL|EU|NA|US|UK|LATAM|ASIA)$");
        data.EnumerateArray().Should().Contain(i => !i.GetProperty("seller_product_status").GetBoolean(), "some sellers switched off");
        data.EnumerateArray().Should().Contain(i => i.GetProperty("stock").GetInt32() == 0 && !i.GetProperty("unlimited_stock").GetBoolean());
    }

    [Fact]
    public async Task Filters_narrow_by_brand_and_code()
    {
        var digiflazz = Sandbox.Digiflazz();

        var (_, steam) = await digiflazz.PriceListAsync(new { brand = "Steam" });
        var sku = steam[0].GetProperty("buyer_sku_code").GetString();
        var (_, one) = await digiflazz.PriceListAsync(new { code = sku });

        steam.EnumerateArray().Should().OnlyContain(i => i.GetProperty("brand").GetString() == "Steam");
        one.GetArrayLength().Should().Be(1);
        one[0].GetProperty("buyer_sku_code").GetString().Should().Be(sku);
    }

    [Fact]
    public async Task Calling_too_often_gets_rc_83_as_an_object_with_HTTP_200()
    {
        await using var limited = new SandboxApplication(new Dictionary<string, string?> { ["Sandbox:Digiflazz:PriceListIntervalSeconds"] = "60" });
        var digiflazz = limited.Digiflazz();

        var (_, first) = await digiflazz.PriceListAsync();
        var (status, second) = await digiflazz.PriceListAsync();
        limited.Clock.Advance(TimeSpan.FromSeconds(61));
        var (_, later) = await digiflazz.PriceListAsync();

        first.ValueKind.Should().Be(JsonValueKind.Array);
        status.Should().Be(200);
        second.ValueKind.Should().Be(JsonValueKind.Object);
        second.GetProperty("rc").GetString().Should().Be("83");
        later.ValueKind.Should().Be(JsonValueKind.Array);
    }
}
