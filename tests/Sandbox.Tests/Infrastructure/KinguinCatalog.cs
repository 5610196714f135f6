using System.Net.Http.Json;
using System.Text.Json;

namespace GamesDrop.Sandbox.Tests.Infrastructure;

/// <summary>Finds Kinguin products a test can buy, through the public API only.</summary>
public static class KinguinCatalog
{
    /// <summary>A released product whose cheapest offer has at least <paramref name="qty"/> text keys.</summary>
    public static async Task<JsonElement> InStockAsync(HttpClient kinguin, int qty = 1)
    {
        var page = await kinguin.GetJsonAsync("/kinguin/esa/api/v1/products?limit=100&withText=yes&isPreorder=no");
        return page.GetProperty("results").EnumerateArray().First(p => p.GetProperty("textQty").GetInt32() >= qty);
    }

    public static Task<HttpResponseMessage> OrderAsync(HttpClient kinguin, JsonElement product, int qty, decimal? price = null, string? externalId = null) =>
        kinguin.PostAsJsonAsync("/kinguin/esa/api/v2/order", new
        {
            products = new[] { new { productId = product.GetProperty("productId").GetString(), qty, price = price ?? product.GetProperty("price").GetDecimal() } },
            orderExternalId = externalId,
        });
}
