using System.Diagnostics;
using System.Text.Json;
using Dapper;
using GamesDrop.Contracts.Catalog;
using GamesDrop.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>Catalog search with facets, and instant suggestions, over PostgreSQL full-text and trigram indexes.</summary>
public static class SearchApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The key of the data source searches use; see <see cref="BuildSearchDataSource"/>.</summary>
    public const string SearchDataSource = "search";

    /// <summary>
    /// Connections that keep one generic plan for prepared statements: PostgreSQL would otherwise plan each search
    /// anew (custom plans look cheaper to it), which costs about as much as running it. A pool of its own, so other
    /// statements keep plans made for their actual values. Its connections run only the search statements and the
    /// did-you-mean lookup, and change no session state, so they skip the reset statements a pooled connection
    /// otherwise runs before each reuse. Each statement is cancelled by the server after
    /// <see cref="CatalogSettings.SearchStatementTimeout"/>, and at most <see cref="CatalogSettings.SearchConnections"/> run at once.
    /// </summary>
    public static NpgsqlDataSource BuildSearchDataSource(string connectionString, CatalogSettings catalog)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true, MaxPoolSize = Math.Max(1, catalog.SearchConnections),
        };
        settings.Options = $"{settings.Options} -c plan_cache_mode=force_generic_plan -c statement_timeout={(long)catalog.SearchStatementTimeout.TotalMilliseconds}".Trim();
        return NpgsqlDataSource.Create(settings);
    }

    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder routes)
    {
        routes.MapGet("/search", SearchAsync).WithTags("Search");
        routes.MapGet("/suggest", SuggestAsync).WithTags("Search");
        return routes;
    }

    // Facets count the matches that pass every other filter, so choosing a platform still shows how many
    // results the other platforms would give instead of only the chosen one.
    // A search the statement timeout ended is the store's trouble, not the shopper's: 503, try again shortly.
    private static async Task<Results<Ok<SearchResult>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        [AsParameters] SearchParameters request, StoreSettings store,
        [FromKeyedServices(SearchDataSource)] NpgsqlDataSource search, SearchFacetCache facets, HttpContext http, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var started = Stopwatch.GetTimestamp();
        await using var connection = await search.OpenConnectionAsync(ct);
        Answer answer;
        try
        {
            answer = await FindAsync(connection, request, store.Currency, facets, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !ct.IsCancellationRequested)
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("The search took too long. Try fewer or shorter words.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        StoreMetrics.Searched(started);
        return TypedResults.Ok(new SearchResult(Read<SearchItem>(answer.Row.Items), answer.Row.Total, answer.Facets, answer.Suggestion));
    }

    /// <summary>
    /// A search's row and facets. Did you mean: when nothing matches, the closest title's, and that title as the
    /// suggestion, so the shopper sees the change.
    /// </summary>
    internal static async Task<Answer> FindAsync(
        NpgsqlConnection connection, SearchParameters request, string currency, SearchFacetCache facets, CancellationToken ct)
    {
        var answer = await AnswerAsync(connection, request, currency, facets, ct);
        if (answer.Row.Total == 0 && request.Text is { } text && await ClosestTitleAsync(connection, text, ct) is { } closest)
        {
            var corrected = await AnswerAsync(connection, request with { Q = closest }, currency, facets, ct);
            return corrected.Row.Total > 0 ? corrected with { Suggestion = closest } : answer;
        }
        return answer;
    }

    // A search's row, and its facets as counted by the same statement or kept from another sort or page of it.
    private static async Task<Answer> AnswerAsync(
        NpgsqlConnection connection, SearchParameters request, string currency, SearchFacetCache cache, CancellationToken ct)
    {
        var kept = cache.Find(request);
        var row = await QueryAsync(connection, request, currency, facets: kept is null, ct);
        return new Answer(row, kept ?? cache.Keep(request, row.Facets!));
    }

    internal sealed record Answer(SearchRow Row, SearchFacets Facets, string? Suggestion = null);

    private static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem>> SuggestAsync(
        string? q, NpgsqlDataSource db, CatalogSettings catalog, CancellationToken ct)
    {
        if (q?.Length > SearchRules.MaxQueryLength || q?.Contains('\0') == true || SearchRules.WordCount(q) > SearchRules.MaxQueryWords)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"At most {SearchRules.MaxQueryLength} characters and {SearchRules.MaxQueryWords} words."],
            });
        }
        // One or two characters match too much to be worth a query.
        if (q is null || q.Count(char.IsLetterOrDigit) < 2)
        {
            return TypedResults.Ok<IReadOnlyList<string>>([]);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var titles = await connection.QueryAsync<string>(new CommandDefinition(SearchSql.Suggest, new { Q = q },
            commandTimeout: (int)Math.Ceiling(catalog.SearchStatementTimeout.TotalSeconds), cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<string>>(titles.ToList());
    }

    /// <summary>Words search through the GIN index; browsing from the narrow copy and its counts, by the filters set.</summary>
    internal static string StatementFor(SearchParameters request, bool facets) =>
        request.Text is not null ? SearchSql.SearchWordsFor(facets) : SearchSql.BrowseFor(request.Filters, facets);

    // Every statement stays prepared on each pooled connection (Npgsql keeps it across pool returns). The facets are
    // read as settled counts when the statement has them, and counted from its matches otherwise (genres by SQL);
    // without facets, the row's are null.
    internal static async Task<SearchRow> QueryAsync(
        NpgsqlConnection connection, SearchParameters request, string currency, bool facets, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(StatementFor(request, facets), connection);
        request.AddParameters(command.Parameters, currency);
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        IReadOnlyList<FacetValue> Facet(int column) => Read<FacetValue>(reader.GetString(column));
        var counted = !facets ? null
            : !reader.IsDBNull(2) ? FacetCounter.Ordered(new SearchFacets(Facet(2), Facet(3), Facet(4), Facet(5), Facet(6)))
            : FacetCounter.Count(reader.IsDBNull(7) ? null : new FacetCounter.Matches(reader.GetFieldValue<long[]>(7),
                reader.GetFieldValue<string?[]>(8), reader.GetFieldValue<string?[]>(9), reader.GetFieldValue<string?[]>(10),
                reader.GetFieldValue<bool[]>(11), reader.GetFieldValue<int[]>(12)), Facet(4));
        return new SearchRow(reader.GetInt64(0), reader.GetString(1), counted);
    }

    private static async Task<string?> ClosestTitleAsync(NpgsqlConnection connection, string text, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(SearchSql.ClosestTitle, connection) { Parameters = { new("Q", text) } };
        await command.PrepareAsync(ct);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static IReadOnlyList<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];

    internal sealed record SearchRow(long Total, string Items, SearchFacets? Facets);
}
