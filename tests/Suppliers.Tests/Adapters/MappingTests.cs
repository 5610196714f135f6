using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Adapters.Digiflazz;
using GamesDrop.Suppliers.Adapters.Kinguin;

namespace GamesDrop.Suppliers.Tests.Adapters;

public sealed class MappingTests
{
    private static DigiflazzPriceItem Item(string name = "Elden Ring Deluxe Edition Steam Key GLOBAL", bool buyer = true, bool seller = true,
        bool unlimited = false, int stock = 5, string from = "00:00", string to = "00:00") =>
        new(name, "Games", "Steam", "Umum", "Action RPG", "ELDEN-DLX", 850_000m, buyer, seller, unlimited, stock, from, to);

    [Theory]
    [InlineData("Elden Ring Deluxe Edition Steam Key GLOBAL", "Deluxe")]
    [InlineData("The Witcher 3: Wild Hunt Game of the Year Edition", "GOTY")]
    [InlineData("Hades", "Standard")]
    [InlineData("Forza Horizon 5 Premium Edition", "Premium")]
    public void Edition_is_read_from_the_listing_name(string name, string edition) =>
        EditionParser.From(name).Should().Be(edition);

    [Fact]
    public void Digiflazz_listing_maps_platform_region_and_edition()
    {
        var offer = DigiflazzMapping.ToOffer(Item(), DateTimeOffset.UtcNow);

        offer.Sku.Should().Be("ELDEN-DLX");
        offer.Platform.Should().Be("Steam");
        offer.Region.Should().Be("GLOBAL");
        offer.Edition.Should().Be("Deluxe");
        offer.Price.Should().Be(850_000m);
        offer.Currency.Should().Be("IDR");
        offer.Available.Should().BeTrue();
    }

    [Fact]
    public void Digiflazz_listing_is_sellable_only_with_both_statuses_and_stock()
    {
        var now = DateTimeOffset.UtcNow;

        DigiflazzMapping.IsSellable(Item(seller: false), now).Should().BeFalse();
        DigiflazzMapping.IsSellable(Item(buyer: false), now).Should().BeFalse();
        DigiflazzMapping.IsSellable(Item(stock: 0), now).Should().BeFalse();
        DigiflazzMapping.IsSellable(Item(stock: 0, unlimited: true), now).Should().BeTrue();
    }

    [Fact]
    public void Digiflazz_cut_off_window_is_in_western_indonesian_time_and_may_wrap_midnight()
    {
        var at2330Wib = new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero);
        var at0100Wib = new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero);
        var at1200Wib = new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);

        DigiflazzMapping.IsSellable(Item(from: "23:00", to: "01:30"), at2330Wib).Should().BeFalse();
        DigiflazzMapping.IsSellable(Item(from: "23:00", to: "01:30"), at0100Wib).Should().BeFalse();
        DigiflazzMapping.IsSellable(Item(from: "23:00", to: "01:30"), at1200Wib).Should().BeTrue();
    }

    [Fact]
    public void Kinguin_country_limitation_becomes_upper_cased_two_letter_codes_once_each()
    {
        var product = new KinguinProduct(1, "64b7f0a2c3d4e5f601234567", "Hades", null, "Steam", null, 9.5m, 3, false, "EUROPE",
            ["ru", " BY ", "Russia", null, "", "RU"], null, null, null, null);

        var offer = KinguinMapping.ToOffer(product);

        offer.ExcludedCountries.Should().Equal("BY", "RU");
        offer.Region.Should().Be("EUROPE");
    }

    [Fact]
    public void Digiflazz_sign_is_md5_of_username_key_and_word() =>
        DigiflazzSupplier.Sign("user", "key", "depo").Should().Be("e9d1db43a49c569bcc2bc7164cbe6127");
}
