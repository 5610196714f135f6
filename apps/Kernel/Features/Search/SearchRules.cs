using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Offers;
using Npgsql;
using NpgsqlTypes;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// The kernel's rules for a <see cref="SearchParameters"/>: checked at the edge, then read as the statements need them.
/// Platform and region filters accept any spelling the matching rule knows ("steam", "Europe") and compare canonically.
/// </summary>
public static class SearchRules
{
    public const int MaxQueryLength = 200;
    // Each word may be fuzzily matched against the whole catalog's vocabulary; a title search needs a handful.
    public const int MaxQueryWords = 10;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 24;
    // Deep pages cost a sort of everything before them and no shopper reads them.
    public const int MaxResultWindow = 10_000;

    public static readonly IReadOnlySet<string> Sorts = new HashSet<string> { "relevance", "price_asc", "price_desc", "newest", "bestselling" };

    /// <summary>Words as the search splits them: runs of letters and digits.</summary>
    public static int WordCount(string? q) =>
        q is null ? 0 : q.Where((c, i) => char.IsLetterOrDigit(c) && (i == 0 || !char.IsLetterOrDigit(q[i - 1]))).Count();

    extension(SearchParameters request)
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            Check(errors, nameof(SearchParameters.Q), request.Q is null || (request.Q.Length <= MaxQueryLength && !request.Q.Contains('\0')), $"At most {MaxQueryLength} characters.");
            Check(errors, nameof(SearchParameters.Q), WordCount(request.Q) <= MaxQueryWords, $"At most {MaxQueryWords} words.");
            foreach (var (name, value) in new[] { (nameof(SearchParameters.Platform), request.Platform), (nameof(SearchParameters.Region), request.Region), (nameof(SearchParameters.Genre), request.Genre) })
            {
                Check(errors, name, value is null || (value.Length <= 100 && !value.Contains('\0')), "At most 100 characters.");
            }
            Check(errors, nameof(SearchParameters.MinPrice), request.MinPrice is null or (>= 0 and < OfferValidation.MaxPrice), "Zero or more, below a billion.");
            Check(errors, nameof(SearchParameters.MaxPrice), request.MaxPrice is null or (>= 0 and < OfferValidation.MaxPrice), "Zero or more, below a billion.");
            Check(errors, nameof(SearchParameters.MaxPrice), !(request.MinPrice > request.MaxPrice), "At least minPrice.");
            Check(errors, nameof(SearchParameters.Sort), request.Sort is null || Sorts.Contains(request.Sort), $"One of {string.Join(", ", Sorts)}.");
            Check(errors, nameof(SearchParameters.Page), request.Page is null or >= 1, "1 or more.");
            Check(errors, nameof(SearchParameters.PageSize), request.PageSize is null or (>= 1 and <= MaxPageSize), $"From 1 to {MaxPageSize}.");
            if (errors.Count == 0)
            {
                Check(errors, nameof(SearchParameters.Page), request.Offset + request.Limit <= MaxResultWindow, $"Only the first {MaxResultWindow} results can be paged through.");
            }
            return errors;
        }

        /// <summary>The query, or null when it has nothing to search by (blank or punctuation only).</summary>
        public string? Text => request.Q is not null && request.Q.Any(char.IsLetterOrDigit) ? request.Q : null;

        public string EffectiveSort => request.Sort ?? "relevance";
        public int Limit => request.PageSize ?? DefaultPageSize;
        public long Offset => ((long)(request.Page ?? 1) - 1) * request.Limit;
        public string? CanonicalPlatform => string.IsNullOrWhiteSpace(request.Platform) ? null : ListingMatcher.CanonicalPlatform(request.Platform);
        public string? CanonicalRegion => string.IsNullOrWhiteSpace(request.Region) ? null : ListingMatcher.CanonicalRegion(request.Region);
        public string? GenreFilter => string.IsNullOrWhiteSpace(request.Genre) ? null : request.Genre.Trim();

        /// <summary>The browse filters set, which pick the browse statement.</summary>
        internal BrowseFilters Filters =>
            (request.CanonicalPlatform is null ? 0 : BrowseFilters.Platform) | (request.CanonicalRegion is null ? 0 : BrowseFilters.Region)
            | (request.GenreFilter is null ? 0 : BrowseFilters.Genre) | (request.MinPrice is null ? 0 : BrowseFilters.MinPrice)
            | (request.MaxPrice is null ? 0 : BrowseFilters.MaxPrice) | (request.InStock is null ? 0 : BrowseFilters.InStock);

        /// <summary>
        /// The parameters of <see cref="SearchSql"/> statements, typed so a statement can be
        /// prepared.
        /// </summary>
        public void AddParameters(NpgsqlParameterCollection parameters, string currency)
        {
            void Add(string name, NpgsqlDbType type, object? value) => parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
            Add("Q", NpgsqlDbType.Text, request.Text);
            Add("Platform", NpgsqlDbType.Text, request.CanonicalPlatform);
            Add("Region", NpgsqlDbType.Text, request.CanonicalRegion);
            Add("Genre", NpgsqlDbType.Text, request.GenreFilter);
            Add("MinPrice", NpgsqlDbType.Numeric, request.MinPrice);
            Add("MaxPrice", NpgsqlDbType.Numeric, request.MaxPrice);
            Add("InStock", NpgsqlDbType.Boolean, request.InStock);
            Add("Sort", NpgsqlDbType.Text, request.EffectiveSort);
            Add("Limit", NpgsqlDbType.Integer, request.Limit);
            Add("Offset", NpgsqlDbType.Bigint, request.Offset);
            Add("Currency", NpgsqlDbType.Text, currency);
        }
    }

    private static void Check(Dictionary<string, string[]> errors, string field, bool valid, string message)
    {
        if (!valid)
        {
            errors[char.ToLowerInvariant(field[0]) + field[1..]] = [message];
        }
    }
}
