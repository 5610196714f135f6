using System.Globalization;
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
/// Claims on revealed keys that do not work. The buyer opens one per key (the BFF has checked the order is theirs); staff
/// close it as replaced (<see cref="ClaimReplacementsApi"/>), refunded (once checkout recorded the line's refund) or
/// rejected with a note the buyer reads. Each step goes on the order's timeline and out as an event, in the same transaction.
/// </summary>
public static class ClaimsApi
{
    public const int MaxNoteLength = 500;

    public static RouteGroupBuilder MapClaims(this RouteGroupBuilder routes)
    {
        routes.MapPost("/orders/{orderId}/keys/{keyId}/claims", OpenAsync).WithTags("Claims");
        var group = routes.MapGroup("/claims").WithTags("Claims");
        group.MapGet("", ListAsync);
        group.MapGet("/{claimId}", GetAsync);
        group.MapPost("/{claimId}/resolve", ResolveAsync);
        return routes;
    }

    private static async Task<Results<Ok<KeyClaim>, NotFound, ValidationProblem, ProblemHttpResult>> OpenAsync(
        Guid orderId, long keyId, OpenClaim body, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ClaimReasons.All.Contains(body.Reason))
        {
            errors["reason"] = [$"One of: {string.Join(", ", ClaimReasons.All)}."];
        }
        if (body.Message is { Length: > ClaimReasons.MaxMessageLength })
        {
            errors["message"] = [$"At most {ClaimReasons.MaxMessageLength} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null || await order.QuerySingleOrDefaultAsync<ClaimedKey>(ClaimsSql.Key, new { OrderId = orderId, KeyId = keyId }) is not { } key)
        {
            return TypedResults.NotFound();
        }
        if (!key.Revealed)
        {
            return Conflict("This key has not been revealed, so there is nothing to claim: you can refund it in one click instead.");
        }
        if (key.LineStatus != LineStatuses.Fulfilled)
        {
            return Conflict("This key was refunded.");
        }
        var claimId = await order.QuerySingleOrDefaultAsync<long?>(ClaimsSql.Open,
            new { OrderId = orderId, KeyId = keyId, body.Reason, Message = body.Message?.Trim() ?? "" });
        if (claimId is null)
        {
            return Conflict("This key already has a claim. We will answer it by email and on this page.");
        }
        await order.StepAsync("claim-opened", KeyNote(keyId));
        await events.PublishAsync(Topics.ClaimOpened,
            new ClaimOpened(claimId.Value, orderId, order.Order.Number, key.Title, key.Supplier, body.Reason, DateTimeOffset.UtcNow), order.Transaction, ct);
        var claim = await order.QuerySingleOrDefaultAsync<KeyClaim>(ClaimsSql.ById, new { ClaimId = claimId });
        await order.CommitAsync();
        return TypedResults.Ok(claim!);
    }

    private static async Task<Results<Ok<IReadOnlyList<KeyClaim>>, ValidationProblem>> ListAsync(string? status, NpgsqlDataSource db, CancellationToken ct)
    {
        if (status is not null && !ClaimStatuses.All.Contains(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", ClaimStatuses.All)}."] });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var claims = await connection.QueryAsync<KeyClaim>(new CommandDefinition(ClaimsSql.List, new { Status = status }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<KeyClaim>>(claims.ToList());
    }

    private static async Task<Results<Ok<KeyClaim>, NotFound>> GetAsync(long claimId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<KeyClaim>(new CommandDefinition(ClaimsSql.ById, new { ClaimId = claimId }, cancellationToken: ct))
            is { } claim ? TypedResults.Ok(claim) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<KeyClaim>, NotFound, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        long claimId, ResolveClaim body, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Status is not (ClaimStatuses.Refunded or ClaimStatuses.Rejected))
        {
            errors["status"] = ["refunded or rejected."];
        }
        if (body.Note is { Length: > MaxNoteLength } || (body.Status == ClaimStatuses.Rejected && string.IsNullOrWhiteSpace(body.Note)))
        {
            errors["note"] = [$"Between 1 and {MaxNoteLength} characters: the buyer reads why."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await ClaimChange.RunAsync(db, claimId, body.Status, async (order, claim) =>
        {
            if (body.Status == ClaimStatuses.Refunded
                && await order.QuerySingleOrDefaultAsync<string>(ClaimsSql.LineStatus, new { claim.LineId }) != LineStatuses.Refunded)
            {
                return Conflict("The line is not refunded yet; refund it, then close the claim as refunded.");
            }
            await ClaimChange.CloseAsync(order, claim, body.Status, body.Note?.Trim(), body.ResolvedBy, null, events, ct);
            return null;
        }, ct);
    }

    internal static string KeyNote(long keyId) => "key " + keyId.ToString(CultureInfo.InvariantCulture);

    private sealed record ClaimedKey(long KeyId, long LineId, string? Supplier, bool Revealed, string LineStatus, string Title);
}
