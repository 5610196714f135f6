using System.Text.Json;

namespace GamesDrop.Sandbox.Tests.Infrastructure;

/// <summary>Finds Digiflazz products a test can buy, through the price list only.</summary>
public static class DigiflazzCatalog
{
    public static async Task<JsonElement> SellableAsync(DigiflazzClient digiflazz)
    {
        var (_, items) = await digiflazz.PriceListAsync();
        return items.EnumerateArray().First(i =>
            i.GetProperty("buyer_product_status").GetBoolean() && i.GetProperty("seller_product_status").GetBoolean()
            && (i.GetProperty("unlimited_stock").GetBoolean() || i.GetProperty("stock").GetInt32() > 1)
            && i.GetProperty("start_cut_off").GetString() == i.GetProperty("end_cut_off").GetString());
    }
}
