using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Suppliers;

namespace GamesDrop.Kernel.Tests.Features.Suppliers;

public sealed class SuppliersApiTests : CatalogTest
{
    protected override Task SeedAsync() => Task.CompletedTask;

    [Fact]
    public async Task Suppliers_are_upserted_and_their_reachability_recorded()
    {
        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = true });
        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin Ltd", currency = "USD", enabled = false });

        var down = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin/availability", new SupplierAvailability("kinguin", false));

        (await down.Content.ReadFromJsonAsync<Supplier>()).Should().BeEquivalentTo(
            new { Code = "kinguin", Name = "Kinguin Ltd", Currency = "USD", Enabled = false, Reachable = false });
        (await Client.GetFromJsonAsync<List<Supplier>>("/kernel/catalog/suppliers")).Should().ContainSingle()
            .Which.ReachableChangedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task A_sync_registering_its_supplier_keeps_the_admins_choice_to_disable_it()
    {
        var registered = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR" });
        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = false });

        var again = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR" });

        (await registered.Content.ReadFromJsonAsync<Supplier>())!.Enabled.Should().BeTrue("a new supplier is bought from");
        (await again.Content.ReadFromJsonAsync<Supplier>())!.Enabled.Should().BeFalse();
    }

    [Fact]
    public async Task Bad_or_unknown_suppliers_are_refused()
    {
        var badCode = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/Kin%20guin", new { name = "K", currency = "EUR", enabled = true });
        var badCurrency = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "K", currency = "euro", enabled = true });
        var unknown = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/nobody/availability", new SupplierAvailability("nobody", false));
        var mismatch = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/nobody/availability", new SupplierAvailability("kinguin", false));

        (badCode.StatusCode, badCurrency.StatusCode, unknown.StatusCode, mismatch.StatusCode)
            .Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest));
    }
}
