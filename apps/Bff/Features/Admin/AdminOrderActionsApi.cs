using System.ComponentModel.DataAnnotations;
using System.Net;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>
/// What staff do to one order besides refunds and reviews: reveal a key (shown once, in this answer only), send the
/// receipt mail again, fulfil a line by hand with pasted keys. Each is audited with the state before and after.
/// </summary>
public static class AdminOrderActionsApi
{
    public static RouteGroupBuilder MapAdminOrderActions(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders/{orderId}");
        group.MapPost("/keys/{keyId:long}/reveal", RevealAsync);
        group.MapPost("/resend-keys", ResendAsync);
        group.MapPost("/lines/{lineId:long}/fulfil", FulfilAsync);
        return routes;
    }

    private static async Task<Results<Ok<RevealedKey>, NotFound>> RevealAsync(
        Guid orderId, long keyId, HttpContext http, AdminAudit audit, KernelClient kernel, CancellationToken ct)
    {
        var before = (await kernel.AdminOrderAsync(orderId, ct)).Value?.Keys.SingleOrDefault(k => k.KeyId == keyId);
        if (before is null || (await kernel.RevealKeyAsync(orderId, keyId, http.UserId(), ct)).Value is not { } key)
        {
            return TypedResults.NotFound();
        }
        var actor = await audit.ActorAsync(http, ct);
        await audit.RecordAsync(http, actor, AuditActions.RevealKey, orderId, new { before.KeyId, before.Status, before.RevealedAt },
            new { before.KeyId, shownTo = actor }, ct);
        // The key is in this answer only: no cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(key);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ResendAsync(
        Guid orderId, HttpContext http, AdminAudit audit, NotifierClient notifier, CancellationToken ct)
    {
        if (await audit.OrderStateAsync(orderId, ct) is not { } state)
        {
            return TypedResults.NotFound();
        }
        switch (await notifier.ResendReceiptAsync(orderId, Guid.CreateVersion7(), ct))
        {
            case HttpStatusCode.NotFound:
                return TypedResults.NotFound();
            case HttpStatusCode.Conflict:
                return TypedResults.Problem("The keys go out once the order is finished.", title: "Nothing to resend yet",
                    statusCode: StatusCodes.Status409Conflict);
        }
        await audit.RecordAsync(http, await audit.ActorAsync(http, ct), AuditActions.ResendKeys, orderId, state, new { state, mail = "receipt queued" }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AdminOrder>, NotFound, ValidationProblem, ProblemHttpResult>> FulfilAsync(
        Guid orderId, long lineId, ManualFulfilRequest body, HttpContext http, AdminAudit audit, KernelClient kernel, CancellationToken ct)
    {
        if (await audit.OrderStateAsync(orderId, ct) is not { } before)
        {
            return TypedResults.NotFound();
        }
        var answer = await kernel.FulfilByHandAsync(orderId, lineId, new ManualKeys(http.UserId(), body.Keys ?? []), ct);
        switch (answer.Status)
        {
            case HttpStatusCode.NotFound:
                return TypedResults.NotFound();
            case HttpStatusCode.BadRequest:
                return TypedResults.ValidationProblem(answer.Errors!);
            case HttpStatusCode.Conflict:
                return TypedResults.Problem("Only a line still waiting for keys, or one that failed and was not refunded, takes keys; and each key is sold once.",
                    title: "The line cannot take these keys", statusCode: StatusCodes.Status409Conflict);
        }
        var after = await audit.OrderStateAsync(orderId, ct);
        // The audit names the line and how many keys, never the keys.
        await audit.RecordAsync(http, await audit.ActorAsync(http, ct), AuditActions.FulfilByHand, orderId, before,
            new { after, lineId, keys = answer.Value!.Keys }, ct);
        return TypedResults.Ok((await kernel.AdminOrderAsync(orderId, ct)).Value!);
    }
}

/// <param name="Keys">The keys the line still lacks, one string each.</param>
public sealed record ManualFulfilRequest([Required, MaxLength(10)] IReadOnlyList<string>? Keys)
{
    public override string ToString() => $"ManualFulfilRequest {{ Keys = {Keys?.Count ?? 0} }}";
}
