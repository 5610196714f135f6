using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Orders;

/// <summary>A store selling Elden Ring at 11.56 (Kinguin, 10 EUR) and Hades at 10.66 (Kinguin, 10 USD), 5 of each in supplier stock.</summary>
public abstract class OrdersTest : CatalogTest
{
    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", "Elden Ring", price: 10m), Offer("k-2", "Hades", price: 10m, currency: "USD"));
    }
}
