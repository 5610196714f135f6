using System.Globalization;
using System.Web;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel;
using GamesDrop.Kernel.Features.Search;
using Npgsql;

namespace GamesDrop.Benchmarks;

/// <summary>
/// The physical floor of a search: the kernel's own statements for the same query string, run straight against
/// PostgreSQL through pools set up as the kernel sets up its own, with no HTTP, JSON or BFF in between.
/// </summary>
internal sealed class SqlFloor(NpgsqlDataSource search, SearchFacetCache facets, string currency)
{
    public static SqlFloor Create(string postgres, string currency)
    {
        // The kernel's role runs with JIT off (RoleSql); the benchmark signs in as the migrator, so it asks for the same.
        var kernelLike = new NpgsqlConnectionStringBuilder(postgres) { Options = "-c jit=off" }.ConnectionString;
        var settings = new CatalogSettings();
        return new(SearchApi.BuildSearchDataSource(kernelLike, settings), new SearchFacetCache(settings), currency);
    }

    // As the API finds it, did you mean and kept facet counts included.
    public async Task<bool> SearchAsync(string query, CancellationToken ct)
    {
        await using var connection = await search.OpenConnectionAsync(ct);
        await SearchApi.FindAsync(connection, Parse(query), currency, facets, ct);
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
