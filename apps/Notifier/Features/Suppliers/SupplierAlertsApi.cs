using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Mail;
using GamesDrop.Notifier.Features.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Notifier.Features.Suppliers;

/// <summary>Ops alerts on Telegram about suppliers: a balance under its threshold.</summary>
public static class SupplierAlertsApi
{
    public static RouteGroupBuilder MapSupplierAlerts(this RouteGroupBuilder routes)
    {
        routes.MapPost("/alerts/supplier-balance-low", BalanceLowAsync).WithTags("Alerts").WithSubscription(Topics.SupplierBalanceLow);
        return routes;
    }

    private static Task<Ok> BalanceLowAsync(
        SupplierBalanceLow low, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"⚠️ Low balance at {low.Supplier}",
            $"{TelegramText.Money(low.Balance, low.Currency)} left (alert under {TelegramText.Money(low.Threshold, low.Currency)})",
            links.AdminSupplier(low.Supplier), "Open the supplier"), $"Low balance at {low.Supplier}", outbox, ct);
}
