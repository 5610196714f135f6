using System.Net.Http.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using Npgsql;

namespace GamesDrop.Bff.Tests.Features.Cart;

/// <summary>Products for cart tests, put in the catalog as a supplier sync would, and changed the same way.</summary>
internal static class CartCatalog
{
    public static async Task<IReadOnlyList<string>> SeedAsync(this EmbeddedApp app, params string[] titles)
    {
        using var kernel = app.InternalClient();
        (await kernel.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = true }))
            .EnsureSuccessStatusCode();
        await app.OfferAsync([.. titles.Select((t, i) => Offer(t, $"k-{i}", 10m, 5))]);
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        return [.. await connection.QueryAsync<string>("SELECT slug FROM products ORDER BY slug")];
    }

    public static async Task OfferAsync(this EmbeddedApp app, params SupplierOffer[] offers)
    {
        using var kernel = app.InternalClient();
        (await kernel.PostAsJsonAsync("/kernel/catalog/offers/batch", new OfferBatch("kinguin", null, offers))).EnsureSuccessStatusCode();
    }

    public static SupplierOffer Offer(string title, string sku, decimal price, int stock) =>
        new(sku, title, "Steam", "GLOBAL", "", ["RPG"], new DateOnly(2022, 2, 25), "About it.", "Redeem on Steam.", null,
            price, "EUR", stock, true, DateTimeOffset.UtcNow);
}
