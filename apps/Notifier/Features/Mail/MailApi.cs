using System.Globalization;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using GamesDrop.Contracts.Wishlist;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// Account mails from domain events, kept in a mail outbox table. TODO(notifier delivery): hand them to an SMTP output binding.
/// The mails carry one-time links, so they are never logged, and the outbox can be read only in Development.
/// Each mail is written once per CloudEvent id, so a redelivered event (pub/sub is at-least-once) adds no copy.
/// </summary>
public static class MailApi
{
    /// <summary>The CloudEvent id, which UseCloudEvents forwards as this header when it unwraps the event.</summary>
    public const string EventIdHeader = "Cloudevent.id";

    public static RouteGroupBuilder MapMail(this RouteGroupBuilder routes, IHostEnvironment environment)
    {
        routes.MapPost("/mail/password-reset-requested", PasswordResetRequestedAsync)
            .WithTags("Mail")
            .WithSubscription(Topics.PasswordResetRequested);
        routes.MapPost("/mail/registration-attempted", RegistrationAttemptedAsync)
            .WithTags("Mail")
            .WithSubscription(Topics.RegistrationAttempted);
        routes.MapPost("/mail/email-verification-requested", EmailVerificationRequestedAsync)
            .WithTags("Mail")
            .WithSubscription(Topics.EmailVerificationRequested);
        routes.MapPost("/mail/wishlist-price-dropped", WishlistPriceDroppedAsync)
            .WithTags("Mail")
            .WithSubscription(Topics.WishlistPriceDropped);
        if (environment.IsDevelopment())
        {
            routes.MapGet("/dev/mail", LatestAsync).WithTags("Mail");
        }
        return routes;
    }

    private static Task<Ok> PasswordResetRequestedAsync(
        PasswordResetRequested requested, [FromHeader(Name = EventIdHeader)] string? eventId, NpgsqlDataSource db, CancellationToken ct)
    {
        var body = $"""
            Hello {requested.DisplayName},

            someone asked to reset the password of your GamesDrop account. If it was you, choose a new one here:
            {requested.Link}

            The link works once, until {requested.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If it was not you, ignore this mail.
            """;
        return AddAsync(eventId, requested.Email, "Reset your GamesDrop password", body, db, ct);
    }

    private static Task<Ok> RegistrationAttemptedAsync(
        RegistrationAttempted attempted, [FromHeader(Name = EventIdHeader)] string? eventId, NpgsqlDataSource db, CancellationToken ct)
    {
        var body = $"""
            Hello {attempted.DisplayName},

            someone tried to create a GamesDrop account with this email, which already has one. If it was you, sign in:
            {attempted.SignInLink}
            or, if you forgot your password, choose a new one: {attempted.ResetLink}

            If it was not you, ignore this mail; nothing about your account changed.
            """;
        return AddAsync(eventId, attempted.Email, "You already have a GamesDrop account", body, db, ct);
    }

    private static Task<Ok> EmailVerificationRequestedAsync(
        EmailVerificationRequested requested, [FromHeader(Name = EventIdHeader)] string? eventId, NpgsqlDataSource db, CancellationToken ct)
    {
        var body = $"""
            Hello {requested.DisplayName},

            please confirm that this is your email, so your GamesDrop account can sign in:
            {requested.Link}

            The link works once, until {requested.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If you did not create an account, ignore this mail.
            """;
        return AddAsync(eventId, requested.Email, "Confirm your GamesDrop email", body, db, ct);
    }

    private static Task<Ok> WishlistPriceDroppedAsync(
        WishlistPriceDropped dropped, [FromHeader(Name = EventIdHeader)] string? eventId, NpgsqlDataSource db, CancellationToken ct)
    {
        var price = Money(dropped.Price, dropped.Currency);
        var body = $"""
            Hello {dropped.DisplayName},

            {dropped.Title} is now {price}, at or below your target of {Money(dropped.TargetPrice, dropped.Currency)}.
            It is on your GamesDrop wishlist; prices follow our suppliers and can rise again.
            """;
        return AddAsync(eventId, dropped.Email, $"{dropped.Title} is now {price}", body, db, ct);
    }

    private static async Task<Ok> AddAsync(string? eventId, string recipient, string subject, string body, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MailSql.Add,
            new { EventId = eventId, Recipient = recipient, Subject = subject, Body = body }, cancellationToken: ct));
        return TypedResults.Ok();
    }

    private static string Money(decimal amount, string currency) => currency == "EUR"
        ? "€" + amount.ToString("0.00", CultureInfo.InvariantCulture)
        : amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static async Task<Ok<IReadOnlyList<SentMail>>> LatestAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var mails = await connection.QueryAsync<SentMail>(new CommandDefinition(MailSql.Latest, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<SentMail>>(mails.ToList());
    }
}

/// <summary>A mail in the outbox; times are UTC.</summary>
public sealed record SentMail(long Id, string Recipient, string Subject, string Body, DateTime CreatedAt);
