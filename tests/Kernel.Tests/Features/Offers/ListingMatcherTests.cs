using GamesDrop.Kernel.Features.Offers;

namespace GamesDrop.Kernel.Tests.Features.Offers;

public sealed class ListingMatcherTests
{
    [Theory]
    [InlineData("Elden Ring", "Steam", "GLOBAL", "")]
    [InlineData("ELDEN RING Steam Key GLOBAL", "steam", "Worldwide", "Standard")]
    [InlineData("Elden Ring (PC) - Steam CD Key - Global", "STEAM", "global", "standard edition")]
    [InlineData("Eldén Ring!", "Steam", "ww", "Base")]
    public void Spellings_of_one_listing_share_a_key(string title, string platform, string region, string edition)
    {
        var match = ListingMatcher.Match(title, platform, region, edition);

        match.MatchKey.Should().Be("elden ring|steam|global|standard");
        match.Slug.Should().Be("elden-ring-steam-global");
    }

    [Theory]
    [InlineData("The Savage Racers Deluxe Edition UK PS5 CD Key", "PlayStation 5", "UNITED KINGDOM", "Standard")]
    [InlineData("The Savage Racers Deluxe Edition PlayStation Key UK", "PlayStation", "UK", "Standard")]
    public void The_listings_own_platform_and_region_words_are_cut_even_where_they_could_end_a_name(
        string title, string platform, string region, string edition) =>
        ListingMatcher.Match(title, platform, region, edition).MatchKey.Should().Be("the savage racers|playstation|uk|deluxe");

    [Theory]
    // "world" ends no phrase a title is cut by, only the spelling of this listing's own region.
    [InlineData("Hollow Knight Rest of the World Steam Key", "Steam", "Rest of the World", "Hollow Knight",
        "hollow knight|steam|row|standard", "hollow-knight-steam-row")]
    // A spelling of the listing's own platform longer than any phrase the vocabulary holds (141 letters).
    [InlineData("Elden Ring Gamesdropandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonforever Key", "Gamesdropandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonforever", "EU", "Elden Ring",
        "elden ring|gamesdropandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonforever|eu|standard", "elden-ring-gamesdropandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonandonforever-eu")]
    public void The_listings_own_spellings_are_cut_whatever_their_length_or_last_word(
        string title, string platform, string region, string shown, string matchKey, string slug)
    {
        var match = ListingMatcher.Match(title, platform, region, "Standard");

        match.Title.Should().Be(shown);
        match.MatchKey.Should().Be(matchKey);
        match.Slug.Should().Be(slug);
    }

    [Fact]
    public void A_region_word_that_is_not_the_listings_own_region_stays_part_of_the_name() =>
        ListingMatcher.Match("Among Us Steam Key GLOBAL", "Steam", "GLOBAL", "Standard").MatchKey.Should().Be("among us|steam|global|standard");

    [Fact]
    public void An_edition_at_the_end_of_the_title_counts_when_the_field_says_standard()
    {
        var fromTitle = ListingMatcher.Match("The Witcher 3: Wild Hunt GOTY Edition Steam Key GLOBAL", "Steam", "GLOBAL", "Standard");
        var fromField = ListingMatcher.Match("The Witcher 3: Wild Hunt", "Steam", "Global", "Game of the Year Edition");

        fromTitle.MatchKey.Should().Be("the witcher 3 wild hunt|steam|global|goty");
        fromField.MatchKey.Should().Be(fromTitle.MatchKey);
        fromTitle.Title.Should().Be("The Witcher 3: Wild Hunt", "the shown title keeps the supplier's casing and punctuation");
        fromTitle.Edition.Should().Be("GOTY");
        fromTitle.Slug.Should().Be("the-witcher-3-wild-hunt-steam-global-goty");
    }

    [Theory]
    [InlineData("Counter-Strike: Global Offensive", "counter strike global offensive")]
    [InlineData("Among Us", "among us")]
    [InlineData("Saints Row", "saints row")]
    [InlineData("Monster Hunter: World", "monster hunter world")]
    [InlineData("Ratchet & Clank", "ratchet and clank")]
    [InlineData("Assassin's Creed Valhalla", "assassins creed valhalla")]
    [InlineData("Key", "key")]
    public void Only_the_end_of_a_title_is_cut_and_never_to_nothing(string title, string normalTitle)
    {
        ListingMatcher.Match(title, "Steam", "EU", "").MatchKey.Should().Be($"{normalTitle}|steam|eu|standard");
    }

    [Theory]
    [InlineData("epic games store", "Epic Games")]
    [InlineData("EGS", "Epic Games")]
    [InlineData("gog.com", "GOG")]
    [InlineData("Xbox Series X|S", "Xbox")]
    [InlineData("PSN", "PlayStation")]
    [InlineData("Nintendo eShop", "Nintendo")]
    [InlineData("battle.net", "Battle.net")]
    [InlineData("Origin", "EA App")]
    [InlineData("Uplay", "Ubisoft Connect")]
    [InlineData("rockstar launcher", "Rockstar Launcher")]
    public void Platforms_are_canonical(string platform, string canonical)
    {
        ListingMatcher.Match("Some Game", platform, "GLOBAL", "").Platform.Should().Be(canonical);
    }

    [Theory]
    [InlineData("Europe", "EU")]
    [InlineData("North America", "NA")]
    [InlineData("region free", "GLOBAL")]
    [InlineData("united kingdom", "UK")]
    [InlineData("Rest of World", "ROW")]
    [InlineData("de", "DE")]
    public void Regions_are_canonical(string region, string canonical)
    {
        ListingMatcher.Match("Some Game", "Steam", region, "").Region.Should().Be(canonical);
    }

    [Theory]
    [InlineData("Deluxe Edition", "Deluxe")]
    [InlineData("digital deluxe", "Deluxe")]
    [InlineData("GOTY", "GOTY")]
    [InlineData("Collector's Edition", "Collector's")]
    [InlineData("", "Standard")]
    [InlineData("anniversary edition", "Anniversary Edition")]
    public void Editions_are_canonical(string edition, string canonical)
    {
        ListingMatcher.Match("Some Game", "Steam", "GLOBAL", edition).Edition.Should().Be(canonical);
    }

    [Fact]
    public void Listings_differing_in_platform_region_or_edition_are_different_products()
    {
        var keys = new[]
        {
            ListingMatcher.Match("Elden Ring", "Steam", "GLOBAL", ""),
            ListingMatcher.Match("Elden Ring", "Xbox", "GLOBAL", ""),
            ListingMatcher.Match("Elden Ring", "Steam", "EU", ""),
            ListingMatcher.Match("Elden Ring Deluxe Edition", "Steam", "GLOBAL", ""),
        }.Select(m => m.MatchKey);

        keys.Should().OnlyHaveUniqueItems();
    }
}
