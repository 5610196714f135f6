using Dapper;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// Account mails from domain events, kept in a mail outbox table. TODO(#4): hand them to an SMTP output binding.
/// The mails carry one-time links, so they are never logged, and the outbox can be read only in Development.
/// </summary>
public static class MailApi
{
    public static RouteGroupBuilder MapMail(this RouteGroupBuilder routes, IHostEnvironment environment)
    {
        routes.MapPost("/mail/password-reset-requested", PasswordResetRequestedAsync)
            .WithTags("Mail")
            .WithTopic(DaprComponents.PubSub, Topics.PasswordResetRequested);
        if (environment.IsDevelopment())
        {
            routes.MapGet("/dev/mail", LatestAsync).WithTags("Mail");
        }
        return routes;
    }

    private static async Task<Ok> PasswordResetRequestedAsync(PasswordResetRequested requested, NpgsqlDataSource db, CancellationToken ct)
    {
        var body = $"""
            Hello {requested.DisplayName},

            someone asked to reset the password of your GamesDrop account. If it was you, choose a new one here:
            {requested.Link}

            The link works once, until {requested.ExpiresAt:yyyy-MM-dd HH:mm} UTC. If it was not you, ignore this mail.
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(MailSql.Add,
            new { Recipient = requested.Email, Subject = "Reset your GamesDrop password", Body = body }, cancellationToken: ct));
        return TypedResults.Ok();
    }

    private static async Task<Ok<IReadOnlyList<SentMail>>> LatestAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var mails = await connection.QueryAsync<SentMail>(new CommandDefinition(MailSql.Latest, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<SentMail>>(mails.ToList());
    }
}

/// <summary>A mail in the outbox; times are UTC.</summary>
public sealed record SentMail(long Id, string Recipient, string Subject, string Body, DateTime CreatedAt);
