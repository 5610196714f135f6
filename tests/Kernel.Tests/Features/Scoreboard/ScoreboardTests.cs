using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Tests.Features.Orders;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Scoreboard;

/// <summary>Kinguin sells Elden Ring at 10 EUR; Eneba at 10.40 EUR, dearer.</summary>
public sealed class ScoreboardTests : OrdersTest
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await Client.RegisterSupplierAsync("eneba");
        await Client.PostBatchAsync("eneba", null, Offer("e-1", "Elden Ring", price: 10.4m));
    }

    private async Task PurchasesAsync(string supplier, int fulfilled, int failed)
    {
        for (var i = 0; i < fulfilled + failed; i++)
        {
            var response = await Client.PostAsJsonAsync($"/kernel/catalog/suppliers/{supplier}/purchases",
                new SupplierPurchaseOutcome($"{supplier}-{i}", i < fulfilled ? "fulfilled" : "failed", i < fulfilled ? 2 + i : null));
            response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }
    }

    private async Task<List<string>> CandidatesAsync()
    {
        var order = await Client.CreateOrderAsync();
        return (await Client.GetFromJsonAsync<List<SupplierCandidate>>($"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/candidates"))!
            .Select(c => c.Supplier).ToList();
    }

    [Fact]
    public async Task The_cheapest_supplier_under_the_fill_rate_floor_is_tried_after_a_dearer_reliable_one()
    {
        var cheapestFirst = await CandidatesAsync();
        await PurchasesAsync("kinguin", fulfilled: 5, failed: 7);
        await PurchasesAsync("eneba", fulfilled: 12, failed: 0);

        var scored = await CandidatesAsync();
        var scores = await Client.GetFromJsonAsync<List<SupplierScore>>("/kernel/admin/scoreboard");

        cheapestFirst.Should().Equal("kinguin", "eneba");
        scored.Should().Equal(["eneba", "kinguin"], "Kinguin filled 5 of 12 purchases, under the 80 % floor");
        scores!.Select(s => (s.Supplier, s.TriedLast)).Should().Equal(("eneba", false), ("kinguin", true));
    }

    [Fact]
    public async Task A_few_failures_say_nothing_yet_and_the_price_decides()
    {
        await PurchasesAsync("kinguin", fulfilled: 0, failed: 9);

        (await CandidatesAsync()).Should().Equal("kinguin", "eneba");
    }

    [Fact]
    public async Task The_scoreboard_counts_fill_rate_time_to_key_and_claims_per_supplier()
    {
        await PurchasesAsync("kinguin", fulfilled: 3, failed: 1);
        var retried = await Client.PostAsJsonAsync("/kernel/catalog/suppliers/kinguin/purchases", new SupplierPurchaseOutcome("kinguin-3", "fulfilled", 10));
        var unknown = await Client.PostAsJsonAsync("/kernel/catalog/suppliers/nobody/purchases", new SupplierPurchaseOutcome("x", "fulfilled", 1));
        var bad = await Client.PostAsJsonAsync("/kernel/catalog/suppliers/kinguin/purchases", new SupplierPurchaseOutcome("x", "maybe", null));

        var scores = await Client.GetFromJsonAsync<List<SupplierScore>>("/kernel/admin/scoreboard");

        (retried.StatusCode, unknown.StatusCode, bad.StatusCode).Should().Be((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.BadRequest));
        scores.Should().Equal(
            new SupplierScore("eneba", 0, null, null, 0, null, null, TriedLast: false),
            new SupplierScore("kinguin", 4, 1.0, 3.5, 0, null, null, TriedLast: false));
    }
}
