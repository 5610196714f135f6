using System.Globalization;
using GamesDrop.Sandbox.Catalog;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>The query of <c>GET /v1/products</c>, names and defaults as Kinguin documents them; CSV lists stay strings.</summary>
internal sealed record ProductSearch(
    int Page = 1,
    int Limit = 25,
    string? Name = null,
    string? SortBy = null,
    string? SortType = null,
    int? RegionId = null,
    string? UpdatedSince = null,
    string? UpdatedTo = null,
    string? Platform = null,
    string? KinguinId = null,
    string? ProductId = null,
    string? Genre = null,
    string? Tags = null,
    string? IsPreorder = null,
    string? WithText = null)
{
    public const int MaxLimit = 100;

    /// <summary>The matching products in the requested order, or the first rule the query breaks.</summary>
    public (IReadOnlyList<Game> Matches, KinguinError? Error) Run(DemoCatalog catalog, KinguinStock stock)
    {
        if (Validate() is { } invalid)
        {
            return ([], invalid);
        }
        var since = ParseDate(UpdatedSince);
        var to = ParseDate(UpdatedTo);
        if ((UpdatedSince is not null && since is null) || (UpdatedTo is not null && to is null))
        {
            return ([], KinguinError.Invalid(to is not null || UpdatedTo is null ? "updatedSince" : "updatedTo", "Use Y-m-d, Y-m-d H:i:s or an ISO 8601 date-time."));
        }
        IEnumerable<Game> games = KinguinId is null
            ? catalog.Kinguin
            : Csv(KinguinId).Select(id => int.TryParse(id, out var k) ? catalog.ByKinguinId(k) : null).OfType<Game>();
        if (ProductId is not null)
        {
            var ids = Csv(ProductId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            games = games.Where(g => ids.Contains(g.Kinguin!.ProductId));
        }
        if (Name is not null)
        {
            var words = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            games = games.Where(g => words.All(w => KinguinProduct.NameOf(g).Contains(w, StringComparison.OrdinalIgnoreCase)));
        }
        if (Platform is not null)
        {
            var platforms = Csv(Platform).ToHashSet(StringComparer.OrdinalIgnoreCase);
            games = games.Where(g => platforms.Contains(g.Platform.KinguinName));
        }
        if (Genre is not null)
        {
            var genres = Csv(Genre).ToHashSet(StringComparer.OrdinalIgnoreCase);
            games = games.Where(g => g.Genres.Any(genres.Contains));
        }
        if (Tags is not null && !Csv(Tags).Contains("base", StringComparer.OrdinalIgnoreCase))
        {
            games = [];  // every demo product is a base game
        }
        if (RegionId is { } region)
        {
            games = games.Where(g => g.Region.KinguinRegionId == region);
        }
        if (IsPreorder is not null)
        {
            var preorder = IsPreorder == "yes";
            games = games.Where(g => g.IsPreorder == preorder);
        }
        if (WithText == "yes")
        {
            games = games.Where(g => stock.Current(g).TextQty > 0);
        }
        if (since is not null || to is not null)
        {
            games = games.Where(g => stock.UpdatedAt(g) is var at && (since is null || at >= since) && (to is null || at <= to));
        }
        // An unfiltered catalog in id order is paged where it lies: copying 80,000 entries for each page of 100 made
        // a large-object allocation per request, and the full collections it set off were a fifth of this simulator's CPU.
        var sorted = Sort(games, stock, inIdOrder: KinguinId is null);
        return (sorted as IReadOnlyList<Game> ?? sorted.ToList(), null);
    }

    private KinguinError? Validate() => this switch
    {
        { Page: < 1 } => KinguinError.Invalid("page", "page must be 1 or more."),
        { Limit: < 1 or > MaxLimit } => KinguinError.Invalid("limit", $"limit must be between 1 and {MaxLimit}."),
        { Name.Length: < 3 } => KinguinError.Invalid("name", "name must be at least 3 characters long."),
        { SortBy: not (null or "kinguinId" or "updatedAt") } => KinguinError.Invalid("sortBy", "sortBy must be kinguinId or updatedAt."),
        { SortType: not (null or "asc" or "desc") } => KinguinError.Invalid("sortType", "sortType must be asc or desc."),
        { IsPreorder: not (null or "yes" or "no") } => KinguinError.Invalid("isPreorder", "isPreorder must be yes or no."),
        _ => null,
    };

    // The catalog is kept in kinguinId order and filters keep it, so paging by kinguinId needs no sort: sorting the whole
    // catalog again for every page of 100 cost this simulator more CPU than a sync spends on the page, on the same cores.
    private IEnumerable<Game> Sort(IEnumerable<Game> games, KinguinStock stock, bool inIdOrder)
    {
        var descending = SortType == "desc";
        if (SortBy == "updatedAt")
        {
            return descending ? games.OrderByDescending(stock.UpdatedAt) : games.OrderBy(stock.UpdatedAt);
        }
        if (inIdOrder)
        {
            return descending ? games.Reverse() : games;
        }
        return descending ? games.OrderByDescending(g => g.Kinguin!.KinguinId) : games.OrderBy(g => g.Kinguin!.KinguinId);
    }

    private static string[] Csv(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Covers Kinguin's formats: Y-m-d, Y-m-d H:i:s, Y-m-dTH:i:s with or without fraction and offset; no offset is UTC.</summary>
    private static DateTimeOffset? ParseDate(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
