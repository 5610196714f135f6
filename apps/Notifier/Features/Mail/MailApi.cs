using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using GamesDrop.Contracts.Wishlist;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// Shoppers' mails from domain events, queued for the mail binding (a price drop also alerts ops on Telegram). The mails carry one-time links, so they are never
/// logged and are stored only sealed until sent. One mail per CloudEvent id, so a redelivered event sends no copy.
/// </summary>
public static class MailApi
{
    /// <summary>The CloudEvent id, which UseCloudEvents forwards as this header when it unwraps the event.</summary>
    public const string EventIdHeader = "Cloudevent.id";

    public static RouteGroupBuilder MapMail(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/mail").WithTags("Mail");
        group.MapPost("/password-reset-requested", PasswordResetRequestedAsync).WithSubscription(Topics.PasswordResetRequested);
        group.MapPost("/registration-attempted", RegistrationAttemptedAsync).WithSubscription(Topics.RegistrationAttempted);
        group.MapPost("/email-verification-requested", EmailVerificationRequestedAsync).WithSubscription(Topics.EmailVerificationRequested);
        group.MapPost("/wishlist-price-dropped", WishlistPriceDroppedAsync).WithSubscription(Topics.WishlistPriceDropped);
        return routes;
    }

    private static async Task<Ok> PasswordResetRequestedAsync(
        PasswordResetRequested requested, [FromHeader(Name = EventIdHeader)] string eventId, MailTemplates mail, NotificationOutbox outbox,
        CancellationToken ct)
    {
        var message = mail.Compose(requested.Email, "Reset your GamesDrop password", $"Hello {requested.DisplayName},",
            ["Someone asked to reset the password of your GamesDrop account. If it was you, choose a new one:"],
            ("Choose a new password", requested.Link),
            [$"The link works once, until {requested.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If it was not you, ignore this mail."]);
        await outbox.EnqueueAsync(eventId, Channels.Mail, $"Password reset mail to {requested.Email}", message, ct);
        return TypedResults.Ok();
    }

    private static async Task<Ok> RegistrationAttemptedAsync(
        RegistrationAttempted attempted, [FromHeader(Name = EventIdHeader)] string eventId, MailTemplates mail, NotificationOutbox outbox,
        CancellationToken ct)
    {
        var message = mail.Compose(attempted.Email, "You already have a GamesDrop account", $"Hello {attempted.DisplayName},",
            ["Someone tried to create a GamesDrop account with this email, which already has one. If it was you, sign in:"],
            ("Sign in", attempted.SignInLink),
            [$"If you forgot your password, choose a new one: {attempted.ResetLink}", "If it was not you, ignore this mail; nothing about your account changed."]);
        await outbox.EnqueueAsync(eventId, Channels.Mail, $"Existing-account mail to {attempted.Email}", message, ct);
        return TypedResults.Ok();
    }

    private static async Task<Ok> EmailVerificationRequestedAsync(
        EmailVerificationRequested requested, [FromHeader(Name = EventIdHeader)] string eventId, MailTemplates mail, NotificationOutbox outbox,
        CancellationToken ct)
    {
        var message = mail.Compose(requested.Email, "Confirm your GamesDrop email", $"Hello {requested.DisplayName},",
            ["Please confirm that this is your email, so your GamesDrop account can sign in:"],
            ("Confirm your email", requested.Link),
            [$"The link works once, until {requested.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If you did not create an account, ignore this mail."]);
        await outbox.EnqueueAsync(eventId, Channels.Mail, $"Email confirmation mail to {requested.Email}", message, ct);
        return TypedResults.Ok();
    }

    private static async Task<Ok> WishlistPriceDroppedAsync(
        WishlistPriceDropped dropped, [FromHeader(Name = EventIdHeader)] string eventId, MailTemplates mail, StoreLinks links,
        NotificationOutbox outbox, CancellationToken ct)
    {
        var price = MailTemplates.Money(dropped.Price, dropped.Currency);
        var message = mail.Compose(dropped.Email, $"{dropped.Title} is now {price}", $"Hello {dropped.DisplayName},",
            [$"{dropped.Title} is now {price}, at or below your target of {MailTemplates.Money(dropped.TargetPrice, dropped.Currency)}."],
            ("See the game", links.To($"product/{Uri.EscapeDataString(dropped.Slug)}")),
            ["It is on your GamesDrop wishlist; prices can rise again."]);
        await outbox.EnqueueAsync(eventId, Channels.Mail, $"Price drop mail to {dropped.Email}: {dropped.Title}", message, ct);
        // Ops see demand at work too, without the shopper's address.
        await TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"🔔 Wishlist price drop: {dropped.Title}",
            $"now {TelegramText.Money(dropped.Price, dropped.Currency)}, a shopper's target was {TelegramText.Money(dropped.TargetPrice, dropped.Currency)}",
            links.AdminProduct(dropped.Slug), "Open the product"), $"Price drop of {dropped.Title}", outbox, ct);
        return TypedResults.Ok();
    }
}
