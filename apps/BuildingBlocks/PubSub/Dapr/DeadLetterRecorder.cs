using System.Text.Json;
using Dapper;
using Dapr;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.BuildingBlocks.PubSub.Dapr;

/// <summary>
/// Dapr profile: once a subscriber's inbound retries are spent, daprd publishes the original CloudEvent to its
/// dead-letter topic (Dapr docs, "Dead Letter Topics"). Each app records it in <c>messaging.dead_letters</c>, where
/// the Embedded delivery worker puts its own, so both profiles keep poison events in the same place, once each.
/// </summary>
internal static partial class DeadLetterRecorder
{
    public const string Route = "/" + Topics.DeadLetters;

    // UseCloudEvents (ServiceDefaults) forwards these CloudEvent attributes as headers when it unwraps the event.
    private const string IdHeader = "Cloudevent.id";
    private const string TopicHeader = "Cloudevent.topic";

    public static IEndpointRouteBuilder MapDeadLetterRecorder(this IEndpointRouteBuilder routes)
    {
        // The dead-letter topic's own subscription has none: a recorder that fails is redelivered, not dropped.
        routes.MapPost(Route, RecordAsync)
            .WithTopic(DaprComponents.PubSub, Topics.DeadLetters)
            .RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy)
            .ExcludeFromDescription();
        return routes;
    }

    private static async Task<Ok> RecordAsync(
        HttpRequest request, JsonElement data, NpgsqlDataSource db, ILoggerFactory logs, CancellationToken ct)
    {
        var id = Guid.TryParse(request.Headers[IdHeader], out var eventId) ? eventId : Guid.CreateVersion7();
        var topic = request.Headers[TopicHeader] is { Count: > 0 } header ? header.ToString() : Topics.DeadLetters;
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(DeadLetterSql.Record, new
        {
            MessageId = id, PubsubName = DaprComponents.PubSub, Topic = topic, Route, Data = data.GetRawText(),
            Attempts = 0, Error = "dead-lettered by daprd",
        }, cancellationToken: ct));
        LogRecorded(logs.CreateLogger(typeof(DeadLetterRecorder)), topic, id);
        return TypedResults.Ok();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered {Topic} event {EventId}: its subscriber refused it after every retry")]
    private static partial void LogRecorded(ILogger logger, string topic, Guid eventId);
}
