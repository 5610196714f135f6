using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using static GamesDrop.Kernel.Features.Orders.OrderChange;

namespace GamesDrop.Kernel.Features.Claims;

/// <summary>
/// The shape of every claim resolution: the claim's order locked, then the claim; a claim already closed the same way
/// answers as it is (so a repeat changes nothing), one closed another way is a conflict. A change answers null to go on.
/// </summary>
internal static class ClaimChange
{
    public static async Task<Results<Ok<KeyClaim>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        NpgsqlDataSource db, long claimId, string resolution, Func<OrderTransaction, KeyClaim, Task<ProblemHttpResult?>> change, CancellationToken ct)
    {
        Guid orderId;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            var found = await connection.QuerySingleOrDefaultAsync<KeyClaim>(
                new CommandDefinition(ClaimsSql.ById, new { ClaimId = claimId }, cancellationToken: ct));
            if (found is null)
            {
                return TypedResults.NotFound();
            }
            orderId = found.OrderId;
        }
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        var claim = await order!.QuerySingleOrDefaultAsync<KeyClaim>(ClaimsSql.Lock, new { ClaimId = claimId });
        if (claim!.Status != ClaimStatuses.Open)
        {
            return claim.Status == resolution ? TypedResults.Ok(claim) : Conflict($"The claim is already {claim.Status}.");
        }
        if (await change(order, claim) is { } refusal)
        {
            return refusal;
        }
        var closed = await order.QuerySingleOrDefaultAsync<KeyClaim>(ClaimsSql.ById, new { ClaimId = claimId });
        await order.CommitAsync();
        return TypedResults.Ok(closed!);
    }

    /// <summary>Closes the open claim, appends the step and publishes <see cref="ClaimResolved"/>, in the order's transaction.</summary>
    public static async Task CloseAsync(
        OrderTransaction order, KeyClaim claim, string status, string? note, Guid resolvedBy, long? replacementKeyId, IEventPublisher events,
        CancellationToken ct)
    {
        await order.ExecuteAsync(ClaimsSql.Resolve,
            new { claim.ClaimId, Status = status, Note = note, ResolvedBy = resolvedBy, ReplacementKeyId = replacementKeyId });
        await order.StepAsync($"claim-{status}", ClaimsApi.KeyNote(claim.KeyId));
        await events.PublishAsync(Topics.ClaimResolved,
            new ClaimResolved(claim.ClaimId, claim.OrderId, claim.OrderNumber, claim.Title, status, note, DateTimeOffset.UtcNow), order.Transaction, ct);
    }
}
