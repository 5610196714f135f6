using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using Npgsql;

namespace GamesDrop.Kernel.Tests.Features;

/// <summary>Builders and calls the catalog tests share: suppliers, offers, batches, and a look at the rows.</summary>
internal static class CatalogData
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static SupplierOffer Offer(
        string sku, string title = "Elden Ring", decimal price = 10m, string currency = "EUR", int stock = 5, bool available = true,
        string platform = "Steam", string region = "GLOBAL", string edition = "", string[]? genres = null,
        DateTimeOffset? updatedAt = null, DateOnly? releaseDate = null, string[]? excluded = null) =>
        new(sku, title, platform, region, edition, genres ?? ["Action"], releaseDate ?? new DateOnly(2022, 2, 25),
            $"About {title}.", "Redeem on " + platform + ".", $"https://img.example/{sku}.jpg", price, currency, stock, available, updatedAt ?? Noon, excluded);

    public static async Task RegisterSupplierAsync(this HttpClient client, string code, string currency = "EUR")
    {
        var response = await client.PutAsJsonAsync($"/kernel/catalog/suppliers/{code}", new { name = code.ToUpperInvariant(), currency, enabled = true });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public static async Task<OfferBatchResult> PostBatchAsync(this HttpClient client, string supplier, long? runId, params SupplierOffer[] offers)
    {
        var response = await client.PostAsJsonAsync("/kernel/catalog/offers/batch", new OfferBatch(supplier, runId, offers));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<OfferBatchResult>())!;
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this EmbeddedApp app, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public static async Task<T> ScalarAsync<T>(this EmbeddedApp app, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>The offers-changed messages waiting in the outbox, oldest first, as their subscribers would read them.</summary>
    public static async Task<IReadOnlyList<OffersChanged>> ChangedOffersAsync(this EmbeddedApp app) =>
        [.. (await app.QueryAsync<string>("SELECT data::text FROM messaging.outbox WHERE topic = @Topic ORDER BY created_at, id",
                new { Topic = Topics.OffersChanged }))
            .Select(data => JsonSerializer.Deserialize<OffersChanged>(data, JsonSerializerOptions.Web)!)];

    public static Task<decimal?> PriceAsync(this EmbeddedApp app, string slug) =>
        app.ScalarAsync<decimal?>("SELECT price FROM products WHERE slug = @Slug", new { Slug = slug });
}
