using GamesDrop.Kernel.Features.Offers;
using Npgsql;
using NpgsqlTypes;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Search parameters as the query string gives them, checked at the edge. Platform and region filters accept
/// any spelling the matching rule knows ("steam", "Europe") and compare canonically.
/// </summary>
public sealed record SearchRequest(
    string? Q, string? Platform, string? Region, string? Genre, decimal? MinPrice, decimal? MaxPrice, bool? InStock,
    string? Sort, int? Page, int? PageSize)
{
    public const int MaxQueryLength = 200;
    // Each word may be fuzzily matched against the whole catalog's vocabulary; a title search needs a handful.
    public const int MaxQueryWords = 10;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 24;
    // Deep pages cost a sort of everything before them and no shopper reads them.
    public const int MaxResultWindow = 10_000;

    public static readonly IReadOnlySet<string> Sorts = new HashSet<string> { "relevance", "price_asc", "price_desc", "newest", "bestselling" };

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, nameof(Q), Q is null || (Q.Length <= MaxQueryLength && !Q.Contains('\0')), $"At most {MaxQueryLength} characters.");
        Check(errors, nameof(Q), WordCount(Q) <= MaxQueryWords, $"At most {MaxQueryWords} words.");
        foreach (var (name, value) in new[] { (nameof(Platform), Platform), (nameof(Region), Region), (nameof(Genre), Genre) })
        {
            Check(errors, name, value is null || (value.Length <= 100 && !value.Contains('\0')), "At most 100 characters.");
        }
        Check(errors, nameof(MinPrice), MinPrice is null or (>= 0 and < OfferValidation.MaxPrice), "Zero or more, below a billion.");
        Check(errors, nameof(MaxPrice), MaxPrice is null or (>= 0 and < OfferValidation.MaxPrice), "Zero or more, below a billion.");
        Check(errors, nameof(MaxPrice), !(MinPrice > MaxPrice), "At least minPrice.");
        Check(errors, nameof(Sort), Sort is null || Sorts.Contains(Sort), $"One of {string.Join(", ", Sorts)}.");
        Check(errors, nameof(Page), Page is null or >= 1, "1 or more.");
        Check(errors, nameof(PageSize), PageSize is null or (>= 1 and <= MaxPageSize), $"From 1 to {MaxPageSize}.");
        if (errors.Count == 0)
        {
            Check(errors, nameof(Page), Offset + Limit <= MaxResultWindow, $"Only the first {MaxResultWindow} results can be paged through.");
        }
        return errors;
    }

    /// <summary>Words as the search splits them: runs of letters and digits.</summary>
    public static int WordCount(string? q) =>
        q is null ? 0 : q.Where((c, i) => char.IsLetterOrDigit(c) && (i == 0 || !char.IsLetterOrDigit(q[i - 1]))).Count();

    /// <summary>The query, or null when it has nothing to search by (blank or punctuation only).</summary>
    public string? Text => Q is not null && Q.Any(char.IsLetterOrDigit) ? Q : null;

    public string EffectiveSort => Sort ?? "relevance";
    public int Limit => PageSize ?? DefaultPageSize;
    public long Offset => ((long)(Page ?? 1) - 1) * Limit;
    public string? CanonicalPlatform => string.IsNullOrWhiteSpace(Platform) ? null : ListingMatcher.CanonicalPlatform(Platform);
    public string? CanonicalRegion => string.IsNullOrWhiteSpace(Region) ? null : ListingMatcher.CanonicalRegion(Region);
    public string? GenreFilter => string.IsNullOrWhiteSpace(Genre) ? null : Genre.Trim();

    /// <summary>
    /// The parameters of <see cref="SearchSql"/> statements, typed so a statement can be
    /// prepared.
    /// </summary>
    public void AddParameters(NpgsqlParameterCollection parameters, string currency)
    {
        void Add(string name, NpgsqlDbType type, object? value) => parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        Add("Q", NpgsqlDbType.Text, Text);
        Add("Platform", NpgsqlDbType.Text, CanonicalPlatform);
        Add("Region", NpgsqlDbType.Text, CanonicalRegion);
        Add("Genre", NpgsqlDbType.Text, GenreFilter);
        Add("MinPrice", NpgsqlDbType.Numeric, MinPrice);
        Add("MaxPrice", NpgsqlDbType.Numeric, MaxPrice);
        Add("InStock", NpgsqlDbType.Boolean, InStock);
        Add("Sort", NpgsqlDbType.Text, EffectiveSort);
        Add("Limit", NpgsqlDbType.Integer, Limit);
        Add("Offset", NpgsqlDbType.Bigint, Offset);
        Add("Currency", NpgsqlDbType.Text, currency);
    }

    private static void Check(Dictionary<string, string[]> errors, string field, bool valid, string message)
    {
        if (!valid)
        {
            errors[char.ToLowerInvariant(field[0]) + field[1..]] = [message];
        }
    }
}
