using System.Globalization;
using System.Web;
using Dapper;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel;
using GamesDrop.Kernel.Features.Search;
using Npgsql;

namespace GamesDrop.Benchmarks;

/// <summary>
/// The physical floor of a search: the kernel's own statements for the same query string, run straight against
/// PostgreSQL through pools set up as the kernel sets up its own, with no HTTP, JSON or BFF in between.
/// </summary>
internal sealed class SqlFloor(NpgsqlDataSource search, string currency)
{
    public static SqlFloor Create(string postgres, string currency)
    {
        // The kernel's role runs with JIT off (RoleSql); the benchmark signs in as the migrator, so it asks for the same.
        var kernelLike = new NpgsqlConnectionStringBuilder(postgres) { Options = "-c jit=off" }.ConnectionString;
        return new(SearchApi.BuildSearchDataSource(kernelLike, new CatalogSettings()), currency);
    }

    public async Task<bool> SearchAsync(string query, CancellationToken ct)
    {
        var request = Parse(query);
        await using var connection = await search.OpenConnectionAsync(ct);
        var row = await SearchApi.QueryAsync(connection, request, currency, ct);
        // The API's did-you-mean: a query that found nothing costs the closest title and its search as well.
        if (row.Total == 0 && request.Text is not null
            && await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(SearchSql.ClosestTitle, new { Q = request.Text }, cancellationToken: ct)) is { } closest)
        {
            await SearchApi.QueryAsync(connection, request with { Q = closest }, currency, ct);
        }
        return true;
    }

    private static SearchParameters Parse(string query)
    {
        var values = HttpUtility.ParseQueryString(query);
        decimal? Decimal(string name) => values[name] is { } v ? decimal.Parse(v, CultureInfo.InvariantCulture) : null;
        int? Int(string name) => values[name] is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        return new SearchParameters(values["q"], values["platform"], values["region"], values["genre"], Decimal("minPrice"), Decimal("maxPrice"),
            values["inStock"] is { } inStock ? bool.Parse(inStock) : null, values["sort"], Int("page"), Int("pageSize"));
    }
}
