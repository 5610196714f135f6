using Dapper;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Fraud;
using GamesDrop.Kernel.Features.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using GamesDrop.Kernel.Features.Refunds;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// Orders as their buyer sees them: a signed-in user's own (the BFF vouches for the user id), or a guest's by the
/// receipt token. Keys are listed without their values; revealing one decrypts it and logs who saw it when.
/// </summary>
public static class UserOrdersApi
{
    public static RouteGroupBuilder MapUserOrders(this RouteGroupBuilder routes)
    {
        var user = routes.MapGroup("/users/{userId}/orders").WithTags("Orders");
        user.MapGet("", ListAsync);
        user.MapGet("/{orderId}", GetAsync);
        user.MapPost("/{orderId}/keys/{keyId}/reveal", RevealAsync);
        var receipts = routes.MapGroup("/receipts/{token}").WithTags("Orders");
        receipts.MapGet("", GetByTokenAsync);
        receipts.MapPost("/keys/{keyId}/reveal", RevealByTokenAsync);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<OrderSummary>>> ListAsync(Guid userId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var orders = await connection.QueryAsync<OrderSummary>(new CommandDefinition(OrdersSql.ByUser, new { UserId = userId }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<OrderSummary>>(orders.ToList());
    }

    private static Task<Results<Ok<OrderReceipt>, NotFound>> GetAsync(
        Guid userId, Guid orderId, IOptionsMonitor<RefundSettings> refunds, TimeProvider clock, NpgsqlDataSource db, CancellationToken ct) =>
        ReceiptAsync(db, ReceiptsSql.OfUser, new { UserId = userId, OrderId = orderId }, new RefundTerms(refunds.CurrentValue.OneClickWindow, clock.GetUtcNow()), ct);

    private static Task<Results<Ok<OrderReceipt>, NotFound>> GetByTokenAsync(
        string token, IOptionsMonitor<RefundSettings> refunds, TimeProvider clock, NpgsqlDataSource db, CancellationToken ct) =>
        ReceiptTokens.HashOf(token) is { } hash
            ? ReceiptAsync(db, ReceiptsSql.OfToken, new { TokenHash = hash }, new RefundTerms(refunds.CurrentValue.OneClickWindow, clock.GetUtcNow()), ct)
            : Task.FromResult<Results<Ok<OrderReceipt>, NotFound>>(TypedResults.NotFound());

    private static Task<Results<Ok<RevealedKey>, NotFound>> RevealAsync(
        Guid userId, Guid orderId, long keyId, KeyVault vault, NpgsqlDataSource db, CancellationToken ct) =>
        RevealKeyAsync(db, vault, ReceiptsSql.OfUser, new { UserId = (Guid?)userId, OrderId = orderId, KeyId = keyId, Channel = "account" }, ct);

    private static Task<Results<Ok<RevealedKey>, NotFound>> RevealByTokenAsync(
        string token, long keyId, KeyVault vault, NpgsqlDataSource db, CancellationToken ct) =>
        ReceiptTokens.HashOf(token) is { } hash
            ? RevealKeyAsync(db, vault, ReceiptsSql.OfToken, new { TokenHash = hash, UserId = (Guid?)null, KeyId = keyId, Channel = "receipt" }, ct)
            : Task.FromResult<Results<Ok<RevealedKey>, NotFound>>(TypedResults.NotFound());

    private static async Task<Results<Ok<OrderReceipt>, NotFound>> ReceiptAsync(
        NpgsqlDataSource db, string owner, object parameters, RefundTerms refunds, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(ReceiptsSql.Receipt(owner), parameters, cancellationToken: ct));
        var order = await results.ReadSingleOrDefaultAsync<ReceiptRow>();
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        var lines = (await results.ReadAsync<ReceiptLineRow>()).ToList();
        var keys = (await results.ReadAsync<ReceiptKeyRow>()).ToLookup(k => k.LineId);
        var timeline = (await results.ReadAsync<ReceiptStepRow>()).Select(s => new ReceiptStep(s.Step, CheckoutOrders.Utc(s.At))).ToList();
        var holdRules = (await results.ReadAsync<string>()).ToList();
        var hold = order.Status == OrderStatuses.Held
            ? new ReceiptHold([.. holdRules.Select(FraudRules.CustomerWords).Distinct()], order.ReviewBy is { } by ? CheckoutOrders.Utc(by) : null)
            : null;
        return TypedResults.Ok(new OrderReceipt(order.OrderId, order.Number, order.Status, order.Email, order.Currency, order.Total,
            CheckoutOrders.Utc(order.CreatedAt),
            lines.Select(l => new ReceiptLine(l.LineId, l.Title, l.Slug, l.Quantity, l.UnitPrice, l.Status,
                keys[l.LineId].Select(k => k.ToKey()).ToList(),
                refunds.Until(l, keys[l.LineId].Any(k => k.RevealedAt is not null)))).ToList(),
            timeline, hold));
    }

    private static async Task<Results<Ok<RevealedKey>, NotFound>> RevealKeyAsync(
        NpgsqlDataSource db, KeyVault vault, string owner, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(ReceiptsSql.LockKeyLine, parameters, transaction, cancellationToken: ct));
        var key = await connection.QuerySingleOrDefaultAsync<SealedKeyRow>(new CommandDefinition(
            ReceiptsSql.Reveal(owner), parameters, transaction, cancellationToken: ct));
        if (key is null)
        {
            return TypedResults.NotFound();
        }
        var value = await vault.OpenAsync(key.Ciphertext, key.Nonce, key.VaultKeyId, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new RevealedKey(key.KeyId, value, key.ContentType));
    }

    private sealed record ReceiptRow(
        Guid OrderId, string Number, string Status, string Email, string Currency, decimal Total, DateTime CreatedAt, DateTime? ReviewBy);

    private sealed record ReceiptLineRow(
        long LineId, string Title, string Slug, int Quantity, decimal UnitPrice, string Status, bool RefundRequested, DateTime? CapturedAt);

    // What the receipt says about one-click refunds; the kernel enforces the same terms when one is asked for (RefundsApi).
    private sealed record RefundTerms(TimeSpan Window, DateTimeOffset Now)
    {
        public DateTimeOffset? Until(ReceiptLineRow line, bool revealed) =>
            line is { Status: LineStatuses.Fulfilled, RefundRequested: false, CapturedAt: { } paid } && !revealed && CheckoutOrders.Utc(paid) + Window >= Now
                ? CheckoutOrders.Utc(paid) + Window
                : null;
    }

    private sealed record ReceiptKeyRow(
        long LineId, long KeyId, DateTime? RevealedAt, string? ClaimReason, string? ClaimStatus, string? ClaimNote, DateTime? ClaimOpenedAt,
        long? ReplacesKeyId)
    {
        public ReceiptKey ToKey() => new(KeyId, RevealedAt is { } at ? CheckoutOrders.Utc(at) : null,
            ClaimReason is null ? null : new ReceiptClaim(ClaimReason, ClaimStatus!, ClaimNote, CheckoutOrders.Utc(ClaimOpenedAt!.Value)),
            ReplacesKeyId);
    }

    private sealed record ReceiptStepRow(string Step, DateTime At);

    private sealed record SealedKeyRow(long KeyId, byte[] Ciphertext, byte[] Nonce, string VaultKeyId, string ContentType);
}

/// <summary>An order in the buyer's list; times are UTC.</summary>
public sealed record OrderSummary(Guid Id, string Number, string Status, string Currency, decimal Total, DateTime CreatedAt);
