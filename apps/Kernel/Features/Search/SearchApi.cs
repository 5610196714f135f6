using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>Catalog search with facets, and instant suggestions, over PostgreSQL full-text and trigram indexes.</summary>
public static class SearchApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder routes)
    {
        routes.MapGet("/search", SearchAsync).WithTags("Search");
        routes.MapGet("/suggest", SuggestAsync).WithTags("Search");
        return routes;
    }

    // Facets count the matches that pass every other filter, so choosing a platform still shows how many
    // results the other platforms would give instead of only the chosen one.
    private static async Task<Results<Ok<SearchResult>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchRequest request, StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var sql = request.CountsByCube ? BrowseSql.Browse[request.EffectiveSort] : SearchSql.Search;
        var row = await connection.QuerySingleAsync<SearchRow>(new CommandDefinition(sql, request.Parameters(store.Currency), cancellationToken: ct));
        return TypedResults.Ok(new SearchResult(
            Read<SearchItem>(row.Items), row.Total,
            new SearchFacets(Read<FacetValue>(row.Platform), Read<FacetValue>(row.Region), Read<FacetValue>(row.Genre),
                Read<FacetValue>(row.PriceBand), Read<FacetValue>(row.InStock))));
    }

    private static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem>> SuggestAsync(
        string? q, NpgsqlDataSource db, CancellationToken ct)
    {
        if (q?.Length > SearchRequest.MaxQueryLength || q?.Contains('\0') == true)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"At most {SearchRequest.MaxQueryLength} characters."],
            });
        }
        // One or two characters match too much to be worth a query.
        if (q is null || q.Count(char.IsLetterOrDigit) < 2)
        {
            return TypedResults.Ok<IReadOnlyList<string>>([]);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var titles = await connection.QueryAsync<string>(new CommandDefinition(SearchSql.Suggest, new { Q = q }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<string>>(titles.ToList());
    }

    private static IReadOnlyList<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];

    internal sealed record SearchRow(long Total, string Items, string Platform, string Region, string Genre, string PriceBand, string InStock);
}

public sealed record SearchResult(IReadOnlyList<SearchItem> Items, long Total, SearchFacets Facets);

public sealed record SearchItem(
    string Slug, string Title, string Platform, string Region, string Edition, string? ImageUrl,
    decimal? Price, string Currency, bool InStock, DateOnly? ReleaseDate);

/// <summary>Each facet counts the results of every filter but its own.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Platform, IReadOnlyList<FacetValue> Region, IReadOnlyList<FacetValue> Genre,
    IReadOnlyList<FacetValue> PriceBand, IReadOnlyList<FacetValue> InStock);

public sealed record FacetValue(string Value, int Count);
