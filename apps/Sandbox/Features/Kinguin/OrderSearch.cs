namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>The query of <c>GET /v1/order</c>; newest first unless <c>sortType=asc</c>.</summary>
internal sealed record OrderSearch(
    int Page = 1,
    int Limit = 25,
    string? Status = null,
    string? OrderId = null,
    string? OrderExternalId = null,
    int? KinguinId = null,
    DateTimeOffset? CreatedAtFrom = null,
    DateTimeOffset? CreatedAtTo = null,
    string? SortType = null)
{
    public KinguinError? Validate() => this switch
    {
        { Page: < 1 } => KinguinError.Invalid("page", "page must be 1 or more."),
        { Limit: < 1 or > ProductSearch.MaxLimit } => KinguinError.Invalid("limit", $"limit must be between 1 and {ProductSearch.MaxLimit}."),
        { SortType: not (null or "asc" or "desc") } => KinguinError.Invalid("sortType", "sortType must be asc or desc."),
        _ => null,
    };

    public List<KinguinOrder> Run(IEnumerable<KinguinOrder> orders, DateTimeOffset now)
    {
        var matches = orders.Where(o =>
            (Status is null || o.Status(now) == Status)
            && (OrderId is null || string.Equals(o.OrderId, OrderId, StringComparison.OrdinalIgnoreCase))
            && (OrderExternalId is null || o.OrderExternalId == OrderExternalId)
            && (KinguinId is null || o.Lines.Any(l => l.Game.Kinguin!.KinguinId == KinguinId))
            && (CreatedAtFrom is null || o.CreatedAt >= CreatedAtFrom)
            && (CreatedAtTo is null || o.CreatedAt <= CreatedAtTo));
        return SortType == "asc" ? [.. matches.OrderBy(o => o.CreatedAt)] : [.. matches.OrderByDescending(o => o.CreatedAt)];
    }
}
