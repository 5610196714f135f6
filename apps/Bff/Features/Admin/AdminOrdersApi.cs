using System.ComponentModel.DataAnnotations;
using System.Net;
using GamesDrop.Bff.Clients;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>Orders for the operations team: a filtered list, one order with its provenance, and refunds (whole or per line).</summary>
public static class AdminOrdersApi
{
    public static RouteGroupBuilder MapAdminOrders(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders");
        // The kernel validates the filters (status, dates, supplier, email, amounts, page) and runs the query.
        group.MapGet("", async (HttpRequest request, KernelClient kernel, CancellationToken ct) =>
            AdminArea.Answer(await kernel.AdminOrdersAsync(request.QueryString, ct)));
        group.MapGet("/{orderId}", GetAsync);
        group.MapPost("/{orderId}/refund", RefundAsync);
        return routes;
    }

    private static async Task<Results<Ok<AdminOrder>, NotFound>> GetAsync(Guid orderId, KernelClient kernel, CancellationToken ct) =>
        (await kernel.AdminOrderAsync(orderId, ct)).Value is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();

    private static async Task<Results<Ok<AdminOrder>, NotFound, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid orderId, AdminRefundRequest body, HttpContext http, AdminAudit audit, KernelClient kernel, CheckoutClient checkout, CancellationToken ct)
    {
        if (await audit.OrderStateAsync(orderId, ct) is not { } before)
        {
            return TypedResults.NotFound();
        }
        var lineIds = body.LineIds ?? [];
        switch ((await checkout.RefundLinesAsync(orderId, lineIds, ct)).Status)
        {
            case HttpStatusCode.NotFound:
                return TypedResults.NotFound();
            case HttpStatusCode.BadRequest:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lineIds"] = ["Lines of this order."] });
            case HttpStatusCode.Conflict:
                return TypedResults.Problem("Only delivered lines of a finished order, not refunded yet, can be refunded.",
                    title: "Nothing to refund", statusCode: StatusCodes.Status409Conflict);
        }
        var after = await audit.OrderStateAsync(orderId, ct);
        await audit.RecordAsync(http, await audit.ActorAsync(http, ct), AuditActions.Refund, orderId, before, new { after, lineIds }, ct);
        return TypedResults.Ok((await kernel.AdminOrderAsync(orderId, ct)).Value!);
    }
}

/// <param name="LineIds">The lines to refund; none (or empty) refunds every delivered line.</param>
public sealed record AdminRefundRequest([MaxLength(50)] IReadOnlyList<long>? LineIds);
