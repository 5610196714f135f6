using Dapper;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Home;

/// <summary>The home page's rows, computed from prices, their history, release dates and sales: one card per game.</summary>
public static class HomeApi
{
    private const int RowSize = 8;

    public static RouteGroupBuilder MapHome(this RouteGroupBuilder routes)
    {
        routes.MapGet("/home", GetAsync).WithTags("Home");
        return routes;
    }

    private static async Task<Ok<HomeRows>> GetAsync(StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        async Task<IReadOnlyList<SearchItem>> RowAsync(string sql) =>
            [.. (await connection.QueryAsync<CardRow>(new CommandDefinition(sql, new { Limit = RowSize, store.Currency }, cancellationToken: ct)))
                .Select(r => r.ToItem())];
        return TypedResults.Ok(new HomeRows(
            await RowAsync(HomeSql.Deals), await RowAsync(HomeSql.NewReleases), await RowAsync(HomeSql.Bestsellers), await RowAsync(HomeSql.BackInStock)));
    }

    // Properties, not a positional record: Dapper matches constructors by field type, and text[] reads as Array.
    private sealed class CardRow
    {
        public required string Slug { get; init; }
        public required string Title { get; init; }
        public required string Platform { get; init; }
        public required string Region { get; init; }
        public required string Edition { get; init; }
        public string? ImageUrl { get; init; }
        public decimal? Price { get; init; }
        public required string Currency { get; init; }
        public bool InStock { get; init; }
        public DateOnly? ReleaseDate { get; init; }
        public required string[] Platforms { get; init; }
        public int Variants { get; init; }

        public SearchItem ToItem() => new(Slug, Title, Platform, Region, Edition, ImageUrl, Price, Currency, InStock, ReleaseDate, Platforms, Variants);
    }
}
