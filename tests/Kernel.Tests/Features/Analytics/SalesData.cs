using Dapper;
using GamesDrop.AppTesting;
using Npgsql;

namespace GamesDrop.Kernel.Tests.Features.Analytics;

/// <summary>
/// Writes sales rows straight into the kernel's tables, each at the instant a test names, so day and time-zone edges can
/// be placed exactly (the API stamps everything with now()).
/// </summary>
internal sealed class SalesData(NpgsqlConnection connection) : IAsyncDisposable
{
    private int _next;

    public static async Task<SalesData> OpenAsync(EmbeddedApp app)
    {
        var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync();
        return new SalesData(connection);
    }

    /// <summary>An order placed at <paramref name="at"/>; with <paramref name="capturedAt"/>, its payment was captured then.</summary>
    public async Task<Guid> OrderAsync(string currency, decimal total, DateTimeOffset at, DateTimeOffset? capturedAt = null, string status = "completed")
    {
        var id = Guid.NewGuid();
        var n = ++_next;
        await connection.ExecuteAsync("""
            INSERT INTO orders (id, number, email, receipt_token_hash, status, currency, total, created_at, updated_at)
            VALUES (@Id, @Number, 'buyer@example.com', @Token, @Status, @Currency, @Total, @At, @At)
            """, new { Id = id, Number = $"T-{n}", Token = BitConverter.GetBytes(n), Status = status, Currency = currency, Total = total, At = at });
        if (capturedAt is not null)
        {
            await connection.ExecuteAsync("""
                INSERT INTO payments (id, order_id, provider_order_id, capture_id, status, amount, currency, created_at, captured_at)
                VALUES (@Id, @OrderId, @Number, @Capture, 'captured', @Total, @Currency, @At, @CapturedAt)
                """, new { Id = Guid.NewGuid(), OrderId = id, Number = $"PP-{n}", Capture = $"CAP-{n}", Total = total, Currency = currency, At = at, CapturedAt = capturedAt });
        }
        return id;
    }

    public Task<long> LineAsync(Guid orderId, string slug, int quantity, decimal unitPrice, string status = "fulfilled") =>
        connection.ExecuteScalarAsync<long>("""
            INSERT INTO order_lines (order_id, product_id, quantity, unit_price, status, slug, title)
            SELECT @OrderId, p.id, @Quantity, @UnitPrice, @Status, p.slug, p.title FROM products p WHERE p.slug = @Slug
            RETURNING id
            """, new { OrderId = orderId, Slug = slug, Quantity = quantity, UnitPrice = unitPrice, Status = status });

    /// <summary>
    /// A key bought from <paramref name="supplier"/> (own stock when null) at <paramref name="cost"/>: sold to the line at
    /// <paramref name="soldAt"/>, or back in stock when <paramref name="lineId"/> is null.
    /// </summary>
    public Task<long> KeyAsync(string slug, string? supplier, decimal? cost, string? costCurrency, long? lineId = null, DateTimeOffset? soldAt = null,
        bool revealed = false)
    {
        var n = ++_next;
        return connection.ExecuteScalarAsync<long>("""
            INSERT INTO product_keys (product_id, source, supplier_code, ciphertext, nonce, fingerprint, key_id, status, order_line_id, sold_at,
                                      unit_cost, cost_currency, revealed_at)
            SELECT p.id, CASE WHEN @Supplier IS NULL THEN 'stock' ELSE 'supplier' END, @Supplier, '\x00', '\x00', @Fingerprint, 'k1',
                   CASE WHEN @LineId IS NULL THEN 'available' ELSE 'sold' END, @LineId, @SoldAt, @Cost, @CostCurrency,
                   CASE WHEN @Revealed THEN @SoldAt END
            FROM products p WHERE p.slug = @Slug
            RETURNING id
            """, new
        {
            Slug = slug, Supplier = supplier, Fingerprint = BitConverter.GetBytes(n), LineId = lineId, SoldAt = soldAt, Cost = cost,
            CostCurrency = costCurrency, Revealed = revealed,
        });
    }

    /// <summary>The supplier's delivery of the line, which stays when its keys go back to stock.</summary>
    public Task DeliveryAsync(long lineId, string supplier) =>
        connection.ExecuteAsync("""
            INSERT INTO fulfilments (order_line_id, source, supplier_code, supplier_order_ref, status, completed_at)
            VALUES (@LineId, 'supplier', @Supplier, @Ref, 'delivered', now())
            """, new { LineId = lineId, Supplier = supplier, Ref = $"SO-{++_next}" });

    public Task RefundAsync(Guid orderId, decimal amount, string currency, DateTimeOffset at, params long[] lineIds) =>
        connection.ExecuteAsync("""
            INSERT INTO refunds (refund_id, order_id, amount, currency, line_ids, created_at)
            VALUES (@RefundId, @OrderId, @Amount, @Currency, @LineIds, @At)
            """, new { RefundId = $"RF-{++_next}", OrderId = orderId, Amount = amount, Currency = currency, LineIds = lineIds, At = at });

    /// <summary>A claim on a sold key, against the supplier the key came from.</summary>
    public Task ClaimAsync(long keyId, DateTimeOffset openedAt, string status = "open") =>
        connection.ExecuteAsync("""
            INSERT INTO key_claims (order_id, order_line_id, product_key_id, supplier_code, reason, status, opened_at, resolved_at)
            SELECT l.order_id, l.id, k.id, k.supplier_code, 'already_used', @Status, @OpenedAt, CASE WHEN @Status <> 'open' THEN @OpenedAt END
            FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id WHERE k.id = @KeyId
            """, new { KeyId = keyId, OpenedAt = openedAt, Status = status });

    public Task FunnelAsync(DateTimeOffset bucket, long views, long cartAdds) =>
        connection.ExecuteAsync("INSERT INTO funnel_counts (bucket, product_views, cart_adds) VALUES (@Bucket, @Views, @CartAdds)",
            new { Bucket = bucket, Views = views, CartAdds = cartAdds });

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
