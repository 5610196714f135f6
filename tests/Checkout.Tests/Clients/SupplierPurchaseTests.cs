using GamesDrop.Checkout.Clients;

namespace GamesDrop.Checkout.Tests.Clients;

public sealed class SupplierPurchaseTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static SupplierPurchase Completed(decimal? cost, string? currency) =>
        new("kinguin", "SKU-1", "KO-1", "completed", [new SupplierKey("1", "AAAA-BBBB", "text/plain")], null, cost, currency);

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "EUR")]
    [InlineData(4.2, null)]
    [InlineData(4.2, "")]
    public void A_cost_the_supplier_did_not_state_in_full_is_delivered_as_unknown_never_as_free(double? cost, string? currency)
    {
        var delivery = Completed((decimal?)cost, currency).ToDelivery(At);

        (delivery.UnitCost, delivery.Currency).Should().Be(((decimal?)null, (string?)null));
        delivery.Keys.Should().ContainSingle();
    }

    [Fact]
    public void A_stated_cost_is_delivered_with_its_currency()
    {
        var delivery = Completed(4.2m, "EUR").ToDelivery(At);

        (delivery.Supplier, delivery.SupplierOrderId, delivery.UnitCost, delivery.Currency, delivery.BoughtAt)
            .Should().Be(("kinguin", "KO-1", 4.2m, "EUR", At));
    }
}
