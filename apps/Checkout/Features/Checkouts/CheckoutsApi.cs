using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.Workflows;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GamesDrop.Checkout.Features.Checkouts;

/// <summary>
/// Starts an order's checkout workflow and passes the buyer's return or cancel from PayPal to it. Internal: the BFF calls
/// it for the shopper, having checked that the order is theirs.
/// </summary>
public static class CheckoutsApi
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    public static RouteGroupBuilder MapCheckouts(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/checkouts").WithTags("Checkouts");
        group.MapPost("", StartAsync);
        group.MapGet("/{orderId}", GetAsync);
        group.MapPost("/{orderId}/return", ReturnAsync);
        group.MapPost("/{orderId}/cancel", CancelAsync);
        group.MapPost("/{orderId}/review", ReviewAsync);
        return routes;
    }

    // Scheduling is idempotent: the instance id is the order id, so a repeated start leaves the running checkout alone.
    private static async Task<Results<Accepted, NotFound>> StartAsync(
        StartCheckout body, KernelOrderSteps kernel, IWorkflowClient workflows, IOptions<CheckoutSettings> settings, CancellationToken ct)
    {
        if (await kernel.GetAsync(body.OrderId, ct) is null)
        {
            return TypedResults.NotFound();
        }
        await workflows.ScheduleAsync(nameof(CheckoutWorkflow), body.OrderId.ToString("D"), settings.Value.Input(body.OrderId), ct);
        return TypedResults.Accepted($"{body.OrderId}");
    }

    /// <summary>
    /// The order's status and, once PayPal has it, the approval link. With <c>waitForApproval</c> it waits (up to 20 s)
    /// until the link exists or the order ends, so the shopper is sent on with one call.
    /// </summary>
    private static async Task<Results<Ok<CheckoutState>, NotFound>> GetAsync(
        Guid orderId, bool? waitForApproval, KernelOrderSteps kernel, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + MaxWait;
        while (true)
        {
            if (await kernel.GetAsync(orderId, ct) is not { } order)
            {
                return TypedResults.NotFound();
            }
            var state = new CheckoutState(orderId, order.Status, order.Payment?.ApproveUrl, order.FraudDecision == FraudDecisions.Refuse,
                order.RegionRefusal);
            if (waitForApproval != true || state.ApproveUrl is not null || OrderStatuses.Final.Contains(order.Status)
                || clock.GetUtcNow() >= deadline)
            {
                return TypedResults.Ok(state);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, ct);
        }
    }

    private static Task<Results<NoContent, NotFound>> ReturnAsync(Guid orderId, PayPalReturn body, KernelOrderSteps kernel, IWorkflowClient workflows, CancellationToken ct) =>
        RaiseAsync(orderId, new PaymentDecision(true, body.Token, "return"), kernel, workflows, ct);

    private static Task<Results<NoContent, NotFound>> CancelAsync(Guid orderId, PayPalReturn body, KernelOrderSteps kernel, IWorkflowClient workflows, CancellationToken ct) =>
        RaiseAsync(orderId, new PaymentDecision(false, body.Token, "cancel"), kernel, workflows, ct);

    // Staff's decision on a held order; the workflow records who decided, then captures or voids.
    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        Guid orderId, ReviewRequest body, KernelOrderSteps kernel, IWorkflowClient workflows, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.DecidedBy) || body.DecidedBy.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decidedBy"] = ["Who decided: 1 to 200 characters."] });
        }
        if (await kernel.GetAsync(orderId, ct) is not { } order)
        {
            return TypedResults.NotFound();
        }
        if (order.Status != OrderStatuses.Held)
        {
            return TypedResults.Problem($"The order is {order.Status}; only a held order is reviewed.", statusCode: StatusCodes.Status409Conflict);
        }
        await workflows.RaiseEventAsync(orderId.ToString("D"), CheckoutWorkflow.ReviewEvent, new ReviewDecision(body.Approved, body.DecidedBy), ct);
        return TypedResults.NoContent();
    }

    // The event only wakes the workflow: PayPal, asked by the capture, decides whether the order really was approved.
    private static async Task<Results<NoContent, NotFound>> RaiseAsync(
        Guid orderId, PaymentDecision decision, KernelOrderSteps kernel, IWorkflowClient workflows, CancellationToken ct)
    {
        if (await kernel.GetAsync(orderId, ct) is not { Payment: { } payment } || payment.ProviderOrderId != decision.PayPalOrderId)
        {
            return TypedResults.NotFound();
        }
        await workflows.RaiseEventAsync(orderId.ToString("D"), CheckoutWorkflow.ApprovalEvent, decision, ct);
        return TypedResults.NoContent();
    }
}

public sealed record StartCheckout(Guid OrderId);

/// <param name="Refused">The fraud check refused the order (it ended before PayPal was asked).</param>
/// <param name="RegionRefusal">Which key would not activate where the buyer plays, in their words; the order ended unpaid.</param>
public sealed record CheckoutState(Guid OrderId, string Status, string? ApproveUrl, bool Refused, string? RegionRefusal = null);

/// <summary>A held order's review: approved (capture) or not (void), and who decided.</summary>
public sealed record ReviewRequest(bool Approved, string DecidedBy);

/// <summary>What PayPal appended to the return or cancel address: its order id (<c>token</c>).</summary>
public sealed record PayPalReturn(string Token);
