namespace GamesDrop.Kernel.Features.Orders;

internal static class OrdersSql
{
    private const string Summary = """
        o.id AS Id, o.number AS Number, o.status AS Status, o.currency AS Currency, o.total AS Total, o.created_at AS CreatedAt
        """;

    public const string ByUser = $"SELECT {Summary} FROM orders o WHERE o.user_id = @UserId ORDER BY o.created_at DESC LIMIT 200";

    /// <summary>The order only when it is the user's: another user's order reads exactly like a missing one.</summary>
    public const string OneOfUser = $"""
        SELECT {Summary} FROM orders o WHERE o.id = @OrderId AND o.user_id = @UserId;
        SELECT p.title AS Title, l.quantity AS Quantity, l.unit_price AS UnitPrice, l.status AS Status
        FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
        WHERE l.order_id = @OrderId AND o.user_id = @UserId ORDER BY l.id;
        """;
}
