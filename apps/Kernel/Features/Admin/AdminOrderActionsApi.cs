using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Keys;
using GamesDrop.Kernel.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Admin;

/// <summary>
/// What staff do to one order beyond refunds: look at a key sold to it (logged with the admin's id), and fulfil a line by
/// hand with keys they obtained elsewhere. The BFF admits only admins and writes the audit.
/// </summary>
public static class AdminOrderActionsApi
{
    public static RouteGroupBuilder MapAdminOrderActions(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/admin/orders/{orderId}").WithTags("Admin");
        group.MapPost("/keys/{keyId}/reveal", RevealAsync);
        group.MapPost("/lines/{lineId}/manual-keys", FulfilByHandAsync);
        return routes;
    }

    private static async Task<Results<Ok<RevealedKey>, NotFound>> RevealAsync(
        Guid orderId, long keyId, AdminKeyReveal body, KeyVault vault, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var key = await connection.QuerySingleOrDefaultAsync<SealedKeyRow>(new CommandDefinition(
            AdminOrdersSql.Reveal, new { OrderId = orderId, KeyId = keyId, body.AdminId }, transaction, cancellationToken: ct));
        if (key is null)
        {
            return TypedResults.NotFound();
        }
        // Committed only once the key opened, so the log never shows a reveal that showed nothing.
        var value = await vault.OpenAsync(key.Ciphertext, key.Nonce, key.VaultKeyId, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new RevealedKey(key.KeyId, value, key.ContentType));
    }

    /// <summary>
    /// A pending line of a paid order, or a failed line not refunded (its order failed because of it), takes the keys it
    /// lacks. They are sealed into the vault as any key is; an order that had failed then ends as the workflow would have
    /// ended it, announced the same way. Errors name positions, never values.
    /// </summary>
    private static async Task<Results<Ok<ManualFulfilment>, NotFound, ValidationProblem, ProblemHttpResult>> FulfilByHandAsync(
        Guid orderId, long lineId, ManualKeys body, KeyVault vault, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null || await OrderLinesApi.LineAsync(order, lineId) is not { } line)
        {
            return TypedResults.NotFound();
        }
        var missing = line.Quantity - await order.QuerySingleOrDefaultAsync<int>(OrderLinesSql.SoldKeys, new { line.LineId });
        var open = line.Status == LineStatuses.Pending ? order.Order.IsPaidAndOpen
            : line.Status == LineStatuses.Failed && (order.Order.IsPaidAndOpen || order.Order.Status == OrderStatuses.Failed);
        if (!open || missing < 1)
        {
            return OrderChange.Conflict($"The line is {line.Status} and the order {order.Order.Status}; only a line still waiting for keys, or one that failed and was not refunded, can be fulfilled by hand.");
        }
        var errors = Validate(body, missing);
        if (errors.Count == 0 && !await order.QuerySingleOrDefaultAsync<bool>(OrdersSql.UserExists, new { UserId = body.AdminId }))
        {
            errors["adminId"] = ["No such user."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await OrderLinesApi.StartFulfillingAsync(order);
        var keys = body.Keys.Select(k => (k.Trim(), "text/plain")).ToList();
        var stored = (await SealedKeys.StoreAsync(vault, order.Transaction, line.ProductId, keys,
            new KeyProvenance("manual", LineId: lineId, AddedBy: body.AdminId), ct)).Count;
        if (stored < keys.Count)
        {
            // Not committed: a key the vault already holds was sold or stocked before, and selling it twice is what the vault prevents.
            return OrderChange.Conflict("The vault already holds a key pasted here; a key is sold only once.");
        }
        await order.ExecuteAsync(AdminOrdersSql.RecordManualFulfilment, new { LineId = lineId });
        await OrderLinesApi.CompleteLineAsync(order, line);
        // A running workflow completes its order itself; one that already ended with this line failed is finished here.
        if (order.Order.Status == OrderStatuses.Failed)
        {
            await OrdersApi.FinishAsync(order, events, ct);
        }
        await order.CommitAsync();
        return TypedResults.Ok(new ManualFulfilment(stored, order.Order.Status));
    }

    private static Dictionary<string, string[]> Validate(ManualKeys body, int missing)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Keys is null || body.Keys.Count != missing)
        {
            errors["keys"] = [$"The line lacks {missing} key(s): paste exactly that many."];
        }
        else if (body.Keys.Select((k, i) => (k, i)).Where(x => !IsKey(x.k)).Select(x => x.i + 1).ToList() is { Count: > 0 } bad)
        {
            errors["keys"] = [$"Key(s) {string.Join(", ", bad)}: empty, longer than {KeyVault.MaxKeyLength} characters, or with control characters."];
        }
        else if (body.Keys.Select(k => k.Trim()).Distinct(StringComparer.Ordinal).Count() != body.Keys.Count)
        {
            errors["keys"] = ["The same key is pasted twice."];
        }
        return errors;
    }

    private static bool IsKey(string? key) =>
        !string.IsNullOrWhiteSpace(key) && key.Trim().Length <= KeyVault.MaxKeyLength && !key.Trim().Any(char.IsControl);

    private sealed record SealedKeyRow(long KeyId, byte[] Ciphertext, byte[] Nonce, string VaultKeyId, string ContentType);
}
