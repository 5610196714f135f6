using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Keys;
using GamesDrop.Kernel.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using static GamesDrop.Kernel.Features.Orders.OrderChange;

namespace GamesDrop.Kernel.Features.Claims;

/// <summary>
/// A claimed key replaced the way lines are fulfilled: an own-stock key sold to the line, or a supplier's delivery sealed into
/// the vault with its own provenance (recorded once by its supplier order, as a line's delivery is). The replacement is a
/// second key on the line, beside the claimed one; checkout decides where it comes from.
/// </summary>
public static class ClaimReplacementsApi
{
    public static RouteGroupBuilder MapClaimReplacements(this RouteGroupBuilder routes)
    {
        routes.MapPost("/claims/{claimId}/replacement", ReplaceAsync).WithTags("Claims");
        return routes;
    }

    /// <summary>The claim, replaced; still open when <see cref="ReplaceClaim.Keys"/> is null and own stock has none.</summary>
    private static Task<Results<Ok<KeyClaim>, NotFound, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        long claimId, ReplaceClaim body, KeyVault vault, StoreSettings store, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct)
    {
        if (body.Keys is { } keys && OrderValidation.Validate(keys, 1) is { Count: > 0 } errors)
        {
            return Task.FromResult<Results<Ok<KeyClaim>, NotFound, ValidationProblem, ProblemHttpResult>>(TypedResults.ValidationProblem(errors));
        }
        return ClaimChange.RunAsync(db, claimId, ClaimStatuses.Replaced, async (order, claim) =>
        {
            if (await order.QuerySingleOrDefaultAsync<string>(ClaimsSql.LineStatus, new { claim.LineId }) != LineStatuses.Fulfilled)
            {
                return Conflict("The line is refunded; there is nothing to replace.");
            }
            var keyId = body.Keys is { } delivery
                ? await StoreDeliveryAsync(order, claim, delivery, vault, ct)
                : await TakeFromStockAsync(order, claim, store, events, ct);
            if (keyId is null)
            {
                return body.Keys is null ? null : Conflict("The supplier's key is one the store already holds, or its order was delivered for another line.");
            }
            await ClaimChange.CloseAsync(order, claim, ClaimStatuses.Replaced, null, body.ResolvedBy, keyId, events, ct);
            return null;
        }, ct);
    }

    private static async Task<long?> TakeFromStockAsync(OrderTransaction order, KeyClaim claim, StoreSettings store, IEventPublisher events, CancellationToken ct)
    {
        if (await order.QuerySingleOrDefaultAsync<StockKey>(ClaimsSql.TakeFromStock, new { claim.LineId }) is not { } key)
        {
            return null;
        }
        await OwnStockAlerts.TakenAsync(order.Transaction, [key.ProductId], store, events, ct);
        return key.KeyId;
    }

    private static async Task<long?> StoreDeliveryAsync(OrderTransaction order, KeyClaim claim, DeliverKeys delivery, KeyVault vault, CancellationToken ct)
    {
        var where = new { claim.LineId, delivery.Supplier, delivery.SupplierOrderId };
        var recorded = await order.QuerySingleOrDefaultAsync<RecordedDelivery>(OrderLinesSql.RecordDelivery, where);
        if (recorded is { New: true })
        {
            var productId = await order.QuerySingleOrDefaultAsync<long>(ClaimsSql.LineProduct, new { claim.LineId });
            await SealedKeys.StoreAsync(vault, order.Transaction, productId, delivery.Keys.Select(k => (k.Value, k.ContentType)).ToList(),
                new KeyProvenance("supplier", delivery.Supplier, delivery.SupplierOrderId, delivery.UnitCost, delivery.Currency, delivery.BoughtAt,
                    claim.LineId), ct);
        }
        return recorded?.LineId == claim.LineId ? await order.QuerySingleOrDefaultAsync<long?>(ClaimsSql.DeliveredKey, where) : null;
    }

    private sealed record StockKey(long KeyId, long ProductId);

    private sealed record RecordedDelivery(long LineId, bool New);
}
