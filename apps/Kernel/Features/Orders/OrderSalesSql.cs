namespace GamesDrop.Kernel.Features.Orders;

internal static class OrderSalesSql
{
    // Supplier costs are in the supplier's currency; rate_to_store converts them as the repricer does.
    public const string ByOrder = """
        SELECT o.id AS OrderId, o.number AS Number, o.status AS Status, o.currency AS Currency,
               COALESCE((SELECT sum(p.amount - p.refunded_amount) FROM payments p WHERE p.order_id = o.id AND p.capture_id IS NOT NULL), 0)
                   AS Revenue,
               COALESCE((SELECT sum(k.unit_cost * COALESCE(r.rate_to_store, 1))
                         FROM order_lines l
                         JOIN product_keys k ON k.order_line_id = l.id
                         LEFT JOIN currency_rates r ON r.currency = k.cost_currency
                         WHERE l.order_id = o.id AND l.status = 'fulfilled' AND k.unit_cost IS NOT NULL), 0) AS Cost
        FROM orders o WHERE o.id = @OrderId;

        SELECT l.title AS Title, l.quantity AS Quantity, l.status AS Status,
               COALESCE((SELECT string_agg(DISTINCT COALESCE(k.supplier_code, k.source), ', ')
                         FROM product_keys k WHERE k.order_line_id = l.id), '') AS Sources
        FROM order_lines l WHERE l.order_id = @OrderId ORDER BY l.id;
        """;
}
