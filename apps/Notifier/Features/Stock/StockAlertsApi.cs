using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Mail;
using GamesDrop.Notifier.Features.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Notifier.Features.Stock;

/// <summary>Ops alerts on Telegram about own stock: a product running out, so it can be restocked before suppliers take over.</summary>
public static class StockAlertsApi
{
    public static RouteGroupBuilder MapStockAlerts(this RouteGroupBuilder routes)
    {
        routes.MapPost("/alerts/own-stock-low", OwnStockLowAsync).WithTags("Alerts").WithSubscription(Topics.OwnStockLow);
        return routes;
    }

    private static Task<Ok> OwnStockLowAsync(
        OwnStockLow low, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"📦 Low own stock: {low.Title}",
            $"{low.Available} key(s) left (alert at {low.Threshold} or fewer)", links.AdminProduct(low.Slug), "Open the product"),
            $"Low own stock of {low.Slug}", outbox, ct);
}
