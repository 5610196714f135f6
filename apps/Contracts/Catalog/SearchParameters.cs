using System.Globalization;
using System.Text;

namespace GamesDrop.Contracts.Catalog;

/// <summary>
/// A catalog search as shoppers ask it: bound from the query string by the BFF, passed on to the kernel, which checks
/// the ranges (<c>SearchRules</c>) and runs it.
/// </summary>
public sealed record SearchParameters(
    string? Q, string? Platform, string? Region, string? Genre, decimal? MinPrice, decimal? MaxPrice, bool? InStock,
    string? Sort, int? Page, int? PageSize)
{
    /// <summary>The query string of the set parameters, in one order, so equal searches give equal strings.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=')
                    .Append(Uri.EscapeDataString(value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture)!));
            }
        }
        Add("q", Q);
        Add("platform", Platform);
        Add("region", Region);
        Add("genre", Genre);
        Add("minPrice", MinPrice);
        Add("maxPrice", MaxPrice);
        Add("inStock", InStock);
        Add("sort", Sort);
        Add("page", Page);
        Add("pageSize", PageSize);
        return query.ToString();
    }
}
