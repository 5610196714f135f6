using GamesDrop.Kernel.Features.Scoreboard;

namespace GamesDrop.Kernel.Features.Orders;

internal static class OrderLinesSql
{
    public const string Line = """
        SELECT id AS LineId, product_id AS ProductId, quantity AS Quantity, unit_price AS UnitPrice, status AS Status
        FROM order_lines WHERE id = @LineId AND order_id = @OrderId
        """;

    /// <summary>
    /// In-stock offers of enabled, reachable suppliers, in the order <see cref="Orders.Candidates"/> explains: suppliers
    /// under the fill-rate floor last, then cheapest in the store currency first. The most a supplier may charge is the
    /// line's locked price in the offer's currency (the kernel's rates, as pricing converts), rounded down to what offer
    /// prices hold, so the cost never exceeds the price; offers above it are left out.
    /// </summary>
    public const string Candidates = $"""
        WITH scores AS ({ScoreboardSql.Scores})
        SELECT o.supplier_code AS Supplier, o.supplier_sku AS Sku, m.max_unit_price AS MaxUnitPrice, o.currency AS Currency, o.stock AS Stock
        FROM supplier_offers o
        JOIN suppliers s ON s.code = o.supplier_code AND s.enabled AND s.reachable
        JOIN scores sc ON sc.Supplier = o.supplier_code
        JOIN currency_rates r ON r.currency = o.currency
        CROSS JOIN LATERAL (SELECT floor(@UnitPrice / r.rate_to_store * 10000) / 10000 AS max_unit_price) m
        WHERE o.product_id = @ProductId AND o.available AND o.stock > 0 AND o.price <= m.max_unit_price
          AND NOT coalesce(@Country = ANY (o.excluded_countries), false)
        ORDER BY sc.TriedLast, o.price * r.rate_to_store, o.id
        """;

    /// <summary>The line's held own-stock keys are sold to it.</summary>
    public const string SellStock = """
        UPDATE product_keys SET status = 'sold', sold_at = now(), reserved_until = NULL
        WHERE order_line_id = @LineId AND status = 'reserved'
        """;

    public const string SoldKeys = "SELECT count(*)::int FROM product_keys WHERE order_line_id = @LineId AND status = 'sold'";

    /// <summary>Sets the line's status; returns whether it changed.</summary>
    public const string SetStatus = """
        UPDATE order_lines SET status = @Status, error = coalesce(@Error, error) WHERE id = @LineId AND status IS DISTINCT FROM @Status
        """;

    /// <summary>
    /// A supplier delivery is recorded once by its order id; result: the line it was recorded for, which is not the
    /// line asked about when the same supplier order was already delivered for another.
    /// </summary>
    public const string RecordDelivery = """
        WITH inserted AS (
            INSERT INTO fulfilments (order_line_id, source, supplier_code, supplier_order_ref, status, completed_at)
            VALUES (@LineId, 'supplier', @Supplier, @SupplierOrderId, 'delivered', now())
            ON CONFLICT (supplier_code, supplier_order_ref) DO NOTHING
            RETURNING order_line_id, true AS new)
        SELECT order_line_id AS LineId, new AS New FROM inserted
        UNION ALL
        SELECT order_line_id, false FROM fulfilments WHERE supplier_code = @Supplier AND supplier_order_ref = @SupplierOrderId
        LIMIT 1
        """;

    public const string DeliveredKeys = """
        SELECT count(*)::int FROM product_keys WHERE order_line_id = @LineId AND supplier_code = @Supplier AND supplier_order_id = @SupplierOrderId
        """;

    public const string SupplierExists = "SELECT EXISTS (SELECT 1 FROM suppliers WHERE code = @Supplier)";

    /// <summary>
    /// Keys of lines that will not be delivered go back to stock unless the buyer already saw them: held ones, and sold
    /// ones never revealed.
    /// </summary>
    public const string ReturnUnrevealed = """
        UPDATE product_keys SET status = 'available', order_line_id = NULL, reserved_until = NULL, sold_at = NULL
        WHERE order_line_id = ANY (@LineIds) AND (status = 'reserved' OR (status = 'sold' AND revealed_at IS NULL))
        """;
}
