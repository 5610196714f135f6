using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.Checkout.Activities;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Checkout.Workflows;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GamesDrop.Checkout.Features.Reconciler;

/// <summary>
/// A workflow engine can lose a wake-up (Dapr has shipped fixes for instances left RUNNING after a scheduler restart), so a
/// cron binding periodically looks at orders that have not moved for a while. For each it asks the engine and PayPal,
/// re-raises an approval PayPal holds, or starts the order's workflow again (it resumes from the order's recorded stage, so
/// nothing is paid or bought twice), and tells ops through <c>order-stuck</c>.
/// </summary>
public static partial class ReconcilerApi
{
    /// <summary>Name of the cron input binding in components/; daprd (or the Embedded scheduler) POSTs to it.</summary>
    public const string CronBinding = "checkout-reconcile";

    public static RouteGroupBuilder MapReconciler(this RouteGroupBuilder routes)
    {
        routes.MapPost("/" + CronBinding, ReconcileAsync).WithTags("Reconciler");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<Reconciled>>> ReconcileAsync(
        KernelOrderSteps kernel, IWorkflowClient workflows, PayPalClient paypal, IEventPublisher events, IOptions<CheckoutSettings> options,
        TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        var settings = options.Value;
        var logger = logs.CreateLogger(typeof(ReconcilerApi));
        var now = clock.GetUtcNow();
        var done = new List<Reconciled>();
        foreach (var order in await kernel.StuckAsync(settings.StuckAfter, ct))
        {
            var instanceId = order.OrderId.ToString("D");
            var instance = await workflows.GetAsync(instanceId, ct);
            // An instance that advanced recently (a supplier purchase being polled) is moving, not stuck.
            if (instance is { Status: WorkflowRunStatus.Running or WorkflowRunStatus.Pending } && now - instance.LastUpdatedAt < settings.StuckAfter)
            {
                continue;
            }
            var action = await RemedyAsync(order, instance, kernel, workflows, paypal, settings, now, ct);
            if (action is null)
            {
                continue;
            }
            LogReconciled(logger, order.OrderId, order.Status, instance?.Status.ToString() ?? "missing", action);
            await events.PublishAsync(Topics.OrderStuck, new OrderStuck(order.OrderId, order.Number, order.Status, action, now), ct: ct);
            done.Add(new Reconciled(order.OrderId, order.Status, action));
        }
        return TypedResults.Ok<IReadOnlyList<Reconciled>>(done);
    }

    private static async Task<string?> RemedyAsync(StuckOrder order, WorkflowInstance? instance, KernelOrderSteps kernel, IWorkflowClient workflows,
        PayPalClient paypal, CheckoutSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var running = instance is { Status: WorkflowRunStatus.Running or WorkflowRunStatus.Pending or WorkflowRunStatus.Suspended };
        if (order.Status == OrderStatuses.AwaitingPayment && running)
        {
            // Waiting for the buyer: a lost approval is re-raised if PayPal has one; otherwise the wait's own timeout ends it.
            var current = await kernel.GetAsync(order.OrderId, ct);
            if (current?.Payment?.ProviderOrderId is not { } payPalOrderId)
            {
                return null;
            }
            var paypalOrder = await paypal.GetOrderAsync(payPalOrderId, ct);
            if (paypalOrder.Status is "APPROVED" or "COMPLETED")
            {
                await workflows.RaiseEventAsync(order.OrderId.ToString("D"), CheckoutWorkflow.ApprovalEvent,
                    new PaymentDecision(true, payPalOrderId, "reconciler"), ct);
                return "approval re-raised";
            }
            if (now - order.UpdatedAt < settings.ApprovalTimeout + settings.StuckAfter)
            {
                return null;
            }
        }
        // A stuck instance is ended first; once it has stopped (the next pass), it is purged and scheduled anew.
        if (running)
        {
            await workflows.TerminateAsync(order.OrderId.ToString("D"), "reconciler: no progress", ct);
            return "workflow terminated";
        }
        if (instance is not null)
        {
            await workflows.PurgeAsync(order.OrderId.ToString("D"), ct);
        }
        await workflows.ScheduleAsync(nameof(CheckoutWorkflow), order.OrderId.ToString("D"), settings.Input(order.OrderId), ct);
        return "workflow restarted";
    }

    public sealed record Reconciled(Guid OrderId, string Status, string Action);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} stuck in {Status} (workflow {WorkflowStatus}): {Action}")]
    private static partial void LogReconciled(ILogger logger, Guid orderId, string status, string workflowStatus, string action);
}
