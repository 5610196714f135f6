using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Embedded.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.Embedded.Runtime.PubSub;

/// <summary>
/// Embedded profile: delivers each event to its subscriber routes over HTTP as daprd does (CloudEvent
/// body, traceparent, app token) and reads the reply as daprd does: 2xx is done unless the body says
/// RETRY or DROP, 404 drops, anything else is retried by the pub/sub inbound retry policy of
/// resiliency.yaml, then dead-lettered.
/// </summary>
public sealed partial class DeliveryWorker(
    IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "embedded-pubsub-delivery";
    private const int BatchSize = 50;
    private static readonly ActivitySource Tracing = new("GamesDrop.PubSub");
    private static readonly RetryPolicy DefaultRetry = new(false, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), 5, null);
    private readonly WakeUp _wakeUp = new();
    private long[] _unsettled = [];

    private enum Outcome
    {
        Delivered,
        Dropped,
        Retry,
    }

    public void Signal() => _wakeUp.Set();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await HostStarted.WaitAsync(lifetime, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        // Stopping cancels deliveries in flight at once, before the server drains its requests, so their claims are handed back.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = stopping.Token;
        await using var deliveryLock = await TakeOverAbandonedClaimsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DeliverBatchAsync(stoppingToken) == BatchSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
            {
                BackgroundFailures.Record("pubsub-delivery");
                LogPassFailed(e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await _wakeUp.WaitAsync(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        if (_unsettled.Length > 0)
        {
            await ReleaseAsync(db, _unsettled, ct);
            _unsettled = [];
        }
        List<DueDelivery> due;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            due = (await connection.QueryAsync<DueDelivery>(new CommandDefinition(
                DeliverySql.ClaimDue, new { Limit = BatchSize }, cancellationToken: ct))).ToList();
        }
        try
        {
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, DeliverAsync);
        }
        catch (Exception e)
        {
            // Claims this pass could not settle (the database went away, or the host is stopping) are handed back as soon
            // as possible, so they are delivered when the database returns rather than when their lease runs out.
            _unsettled = due.Select(d => d.DeliveryId).ToArray();
            if (e is OperationCanceledException && ct.IsCancellationRequested)
            {
                await ReleaseOnStopAsync(db);
            }
            throw;
        }
        return due.Count;
    }

    /// <summary>
    /// The first worker on a database holds its delivery lock while it runs and, on taking it, hands back every claim it finds:
    /// a host killed outright (SIGKILL, power loss) could not, and its deliveries would otherwise wait out their lease. While
    /// another live host holds the lock, the claims are its own and left alone. Taking over from a host that lost only its lock
    /// connection may deliver an event twice, as at-least-once allows. Returns the lock's connection, or null.
    /// </summary>
    private async Task<NpgsqlConnection?> TakeOverAbandonedClaimsAsync(CancellationToken ct)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(ct);
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(DeliverySql.TakeDeliveryLock, cancellationToken: ct)))
            {
                await connection.DisposeAsync();
                return null;
            }
            var released = await connection.ExecuteAsync(new CommandDefinition(DeliverySql.ReleaseAll, cancellationToken: ct));
            LogTookOver(released);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The database is away: abandoned claims run out by their lease instead.
            LogTakeOverFailed(e);
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            return null;
        }
    }

    private static async Task ReleaseAsync(NpgsqlDataSource db, long[] ids, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(DeliverySql.Release, new { Ids = ids }, cancellationToken: ct));
    }

    /// <summary>
    /// A host that stops hands back the deliveries it claimed and did not settle, so the next host delivers them at once
    /// rather than after the lease; one cut off mid-request is delivered again, as at-least-once allows.
    /// </summary>
    private async Task ReleaseOnStopAsync(NpgsqlDataSource db)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await ReleaseAsync(db, _unsettled, timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // The database is gone too: the lease runs out by itself.
            LogReleaseFailed(e);
        }
    }

    private async ValueTask DeliverAsync(DueDelivery delivery, CancellationToken ct)
    {
        using var activity = Tracing.StartActivity("pubsub deliver " + delivery.Topic, ActivityKind.Consumer, delivery.TraceParent);
        var (outcome, note) = await SendAsync(delivery, ct);
        var db = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await db.OpenConnectionAsync(ct);
        if (outcome != Outcome.Retry)
        {
            if (outcome == Outcome.Dropped)
            {
                LogDropped(delivery.Topic, delivery.MessageId, delivery.Route, note);
            }
            await connection.ExecuteAsync(new CommandDefinition(
                DeliverySql.MarkDelivered, new { delivery.DeliveryId, Note = note }, cancellationToken: ct));
            return;
        }
        var retry = services.GetRequiredService<ComponentCatalog>().Resiliency.ForComponentInbound(delivery.PubsubName)?.Retry ?? DefaultRetry;
        var retriesSoFar = delivery.Attempts;
        if (retry.MaxRetries < 0 || retriesSoFar < retry.MaxRetries)
        {
            var delay = retry.DelayBefore(retriesSoFar + 1);
            LogWillRetry(delivery.Topic, delivery.MessageId, delivery.Route, note, delay.TotalSeconds);
            await connection.ExecuteAsync(new CommandDefinition(DeliverySql.ScheduleRetry,
                new { delivery.DeliveryId, Error = note, DelaySeconds = delay.TotalSeconds }, cancellationToken: ct));
            return;
        }
        LogDeadLettered(delivery.Topic, delivery.MessageId, delivery.Route, delivery.Attempts + 1, note);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(DeliverySql.MarkDead, new
        {
            delivery.DeliveryId, delivery.MessageId, delivery.PubsubName, delivery.Topic, delivery.Route,
            delivery.Data, Attempts = delivery.Attempts + 1, Error = note,
        }, transaction, cancellationToken: ct));
        if (delivery.DeadLetterTopic is { Length: > 0 } deadLetterTopic && deadLetterTopic != delivery.Topic)
        {
            using var data = JsonDocument.Parse(delivery.Data);
            await services.GetRequiredService<IEventPublisher>().PublishAsync(deadLetterTopic, data.RootElement, transaction, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private async Task<(Outcome, string?)> SendAsync(DueDelivery delivery, CancellationToken ct)
    {
        var self = services.GetRequiredService<SelfAddress>().BaseUri;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self, delivery.Route.TrimStart('/')))
        {
            Content = new ByteArrayContent(CloudEventEnvelope.Create(
                delivery.MessageId, delivery.Source, delivery.PubsubName, delivery.Topic, delivery.Data, delivery.TraceParent, delivery.CreatedAt)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventEnvelope.ContentType);
        EmbeddedAppTokens.Present(request, services.GetRequiredService<EmbeddedAppTokens>().ForRoute(delivery.Route));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (Outcome.Dropped, "subscriber answered 404");
            }
            if (!response.IsSuccessStatusCode)
            {
                return (Outcome.Retry, $"subscriber answered {(int)response.StatusCode}");
            }
            return await ReadStatusAsync(response, ct) switch
            {
                "RETRY" => (Outcome.Retry, "subscriber asked to retry"),
                "DROP" => (Outcome.Dropped, "subscriber asked to drop"),
                _ => (Outcome.Delivered, null),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (Outcome.Retry, e.Message);
        }
    }

    private static async Task<string?> ReadStatusAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                ? status.GetString()?.ToUpperInvariant()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event delivery pass failed")]
    private partial void LogPassFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding the delivery lock; took over {Count} claims an earlier host left")]
    private partial void LogTookOver(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take over abandoned deliveries; they wait out their lease")]
    private partial void LogTakeOverFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand back unsettled deliveries on shutdown")]
    private partial void LogReleaseFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Topic} event {EventId} for {Route}: {Reason}")]
    private partial void LogDropped(string topic, Guid eventId, string route, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {Topic} event {EventId} to {Route} failed ({Reason}); retrying in {DelaySeconds} s")]
    private partial void LogWillRetry(string topic, Guid eventId, string route, string? reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered {Topic} event {EventId} for {Route} after {Attempts} attempts: {Reason}")]
    private partial void LogDeadLettered(string topic, Guid eventId, string route, int attempts, string? reason);
}
