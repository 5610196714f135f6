using Microsoft.Extensions.DependencyInjection;
using GamesDrop.Contracts;
using Dapper;
using GamesDrop.Contracts.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Notifier.Features.Deliveries;

/// <summary>Notifications that have not gone out (failing or dead-lettered), and sending one again; for the admin API.</summary>
public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveries(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/undelivered", UndeliveredAsync);
        group.MapPost("/{id:long}/resend", ResendAsync);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<UndeliveredNotification>>> UndeliveredAsync([FromKeyedServices(AppIds.Notifier)] NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<UndeliveredNotification>(new CommandDefinition(DeliveriesSql.Undelivered, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<UndeliveredNotification>>(rows.ToList());
    }

    /// <summary>Queues it again with a fresh set of attempts; a notification already sent is not sent twice (404).</summary>
    private static async Task<Results<NoContent, NotFound>> ResendAsync(
        long id, [FromKeyedServices(AppIds.Notifier)] NpgsqlDataSource db, DeliveryDispatcher dispatcher, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var channel = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(DeliveriesSql.Resend, new { Id = id }, cancellationToken: ct));
        if (channel is null)
        {
            return TypedResults.NotFound();
        }
        dispatcher.Wake(channel);
        return TypedResults.NoContent();
    }
}
