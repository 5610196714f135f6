namespace GamesDrop.Kernel.Features.Regions;

internal static class RegionsSql
{
    public const string AccountCountry = "SELECT u.country FROM orders o JOIN users u ON u.id = o.user_id WHERE o.id = @OrderId";

    /// <summary>
    /// Where the buyer of <c>@OrderId</c> plays, NULL when unknown: the country the region check last passed (PayPal's
    /// payer country once known), else the account's.
    /// </summary>
    public const string BuyerCountry = $"""
        SELECT coalesce((SELECT e.note FROM order_events e WHERE e.order_id = @OrderId AND e.step = '{RegionsApi.CheckedStep}'
                         ORDER BY e.id DESC LIMIT 1),
                        ({AccountCountry}))
        """;

    /// <summary>
    /// Each line's region, and whether <c>@Country</c> is excluded by every key that could fill it: the product has
    /// supplier offers on sale and each of them excludes the country, and no own-stock key (which names no exclusions) is
    /// free or held for the line. One offer that works there is enough, since fulfilment then picks it.
    /// </summary>
    public const string LineRegions = $"""
        SELECT l.title AS Title, p.region AS Region,
               EXISTS (SELECT 1 FROM supplier_offers o WHERE o.product_id = p.id AND {OnSale})
               AND NOT EXISTS (SELECT 1 FROM supplier_offers o
                               WHERE o.product_id = p.id AND {OnSale} AND NOT @Country = ANY (o.excluded_countries))
               AND NOT EXISTS (SELECT 1 FROM product_keys k
                               WHERE k.product_id = p.id AND (k.status = 'available' OR (k.status = 'reserved' AND k.order_line_id = l.id)))
                   AS Excluded
        FROM order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.order_id = @OrderId ORDER BY l.id
        """;

    private const string OnSale = "o.available AND o.stock > 0";
}
