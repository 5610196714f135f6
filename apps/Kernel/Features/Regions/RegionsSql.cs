namespace GamesDrop.Kernel.Features.Regions;

internal static class RegionsSql
{
    public const string AccountCountry = "SELECT u.country FROM orders o JOIN users u ON u.id = o.user_id WHERE o.id = @OrderId";

    public const string LineRegions = """
        SELECT l.title AS Title, p.region AS Region
        FROM order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.order_id = @OrderId ORDER BY l.id
        """;
}
