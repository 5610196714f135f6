using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Kernel.Tests.Features.Regions;

public sealed class ActivationRegionsTests
{
    [Theory]
    [InlineData("GLOBAL", "BR", true)]
    [InlineData("EU", "DE", true)]
    [InlineData("EU", "NO", true)]
    [InlineData("EU", "US", false)]
    [InlineData("EU", "GB", false)]
    [InlineData("UK", "GB", true)]
    [InlineData("US", "CA", false)]
    [InlineData("NA", "CA", true)]
    [InlineData("ROW", "BR", true)]
    [InlineData("ROW", "FR", false)]
    [InlineData("TR", "TR", true)]
    [InlineData("ID", "MY", false)]
    [InlineData("SEA", "MY", true)]
    [InlineData("CIS", "DE", false)]
    public void A_key_activates_only_where_its_region_reaches(string region, string country, bool activates) =>
        ActivationRegions.Activates(region, country).Should().Be(activates);

    [Fact]
    public void A_region_the_store_cannot_read_is_not_refused() =>
        ActivationRegions.Activates("MOON BASE", "US").Should().BeTrue();
}
