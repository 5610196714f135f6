using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Mail;
using GamesDrop.Notifier.Features.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Notifier.Features.Suppliers;

/// <summary>Ops alerts on Telegram about suppliers: a balance under its threshold, a circuit opened or closed, a failed sync.</summary>
public static class SupplierAlertsApi
{
    public static RouteGroupBuilder MapSupplierAlerts(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/alerts").WithTags("Alerts");
        group.MapPost("/supplier-balance-low", BalanceLowAsync).WithSubscription(Topics.SupplierBalanceLow);
        group.MapPost("/supplier-circuit-changed", CircuitChangedAsync).WithSubscription(Topics.SupplierCircuitChanged);
        group.MapPost("/supplier-sync-failed", SyncFailedAsync).WithSubscription(Topics.SupplierSyncFailed);
        return routes;
    }

    private static Task<Ok> BalanceLowAsync(
        SupplierBalanceLow low, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"⚠️ Low balance at {low.Supplier}",
            $"{TelegramText.Money(low.Balance, low.Currency)} left (alert under {TelegramText.Money(low.Threshold, low.Currency)})",
            links.AdminSupplier(low.Supplier), "Open the supplier"), $"Low balance at {low.Supplier}", outbox, ct);

    private static Task<Ok> CircuitChangedAsync(
        SupplierCircuitChanged changed, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, changed.Open
                ? TelegramText.Alert($"🔌 {changed.Supplier} circuit opened", "Calls to it fail fast; its offers show as temporarily unavailable.",
                    links.AdminSupplier(changed.Supplier), "Open the supplier")
                : TelegramText.Alert($"✅ {changed.Supplier} circuit closed", "Calls to it go through again.",
                    links.AdminSupplier(changed.Supplier), "Open the supplier"),
            $"Circuit of {changed.Supplier} {(changed.Open ? "opened" : "closed")}", outbox, ct);

    private static Task<Ok> SyncFailedAsync(
        SupplierSyncFailed failed, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"🔄 Sync of {failed.Supplier} failed (run {failed.RunId})", failed.Reason,
            links.AdminSupplier(failed.Supplier), "Open the supplier"), $"Failed sync of {failed.Supplier}, run {failed.RunId}", outbox, ct);
}
