using Microsoft.Extensions.DependencyInjection;
using GamesDrop.Contracts;
using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using Polly.CircuitBreaker;

namespace GamesDrop.Notifier.Features.Deliveries;

/// <summary>
/// Sends queued notifications, one loop per channel, so a channel that is down or throttled (its calls wait out
/// resiliency.yaml's timeouts and retries) holds up only its own messages. A failed message is retried with
/// exponential backoff, or when the partner asked; after the last attempt it is dead-lettered.
/// </summary>
public sealed partial class DeliveryDispatcher(
    [FromKeyedServices(AppIds.Notifier)] NpgsqlDataSource db, IServiceScopeFactory scopes, PayloadCipher cipher, DeliveryOptions options, ILogger<DeliveryDispatcher> logger)
    : BackgroundService
{
    private const int Batch = 20;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _wakeUps = new();

    /// <summary>Something was queued for <paramref name="channel"/>: look now rather than at the next poll.</summary>
    public void Wake(string channel)
    {
        var signal = _wakeUps.GetOrAdd(channel, _ => new SemaphoreSlim(0));
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var names = scope.ServiceProvider.GetServices<INotificationChannel>().Select(c => c.Name).ToList();
        return Task.WhenAll(names.Select(name => Task.Run(() => RunAsync(name, stoppingToken), stoppingToken)));
    }

    private async Task RunAsync(string channel, CancellationToken ct)
    {
        var signal = _wakeUps.GetOrAdd(channel, _ => new SemaphoreSlim(0));
        while (!ct.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await SendDueAsync(channel, ct);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogQueueUnavailable(logger, channel, e);
            }
            if (claimed < Batch)
            {
                await signal.WaitAsync(options.PollInterval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<int> SendDueAsync(string channel, CancellationToken ct)
    {
        List<Claimed> due;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            due = (await connection.QueryAsync<Claimed>(new CommandDefinition(DeliveriesSql.Claim,
                new { Channel = channel, options.Lease, Batch }, cancellationToken: ct))).ToList();
        }
        foreach (var message in due)
        {
            await SendAsync(channel, message, ct);
        }
        return due.Count;
    }

    private async Task SendAsync(string channel, Claimed message, CancellationToken ct)
    {
        string? error = null;
        TimeSpan? retryAfter = null;
        var counts = true;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetServices<INotificationChannel>().Single(c => c.Name == channel);
            await sender.SendAsync(await cipher.OpenAsync(message.Payload, ct), ct);
        }
        catch (RetryLaterException e)
        {
            (error, retryAfter) = (e.Message, e.After);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && IsOpenCircuit(e))
        {
            // The breaker knows the partner is down and sent nothing: wait, without spending one of the message's attempts.
            (error, retryAfter, counts) = (e.Message, options.MaxRetry, false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            error = e.GetType().Name + ": " + e.Message;
        }

        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        if (error is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeliveriesSql.Sent, new { message.Id }, cancellationToken: CancellationToken.None));
            return;
        }
        var attempts = message.Attempts + (counts ? 1 : 0);
        var dead = attempts >= options.MaxAttempts;
        var delay = retryAfter is { } after && after > options.DelayAfter(attempts) ? after : options.DelayAfter(attempts);
        await connection.ExecuteAsync(new CommandDefinition(DeliveriesSql.Failed,
            new { message.Id, Attempts = attempts, Error = Truncate(error), Delay = delay, Dead = dead }, cancellationToken: CancellationToken.None));
        if (dead)
        {
            LogDeadLettered(logger, channel, message.Id, attempts, error);
        }
        else
        {
            LogRetrying(logger, channel, message.Id, attempts, delay, error);
        }
    }

    private static bool IsOpenCircuit(Exception? e) => e is not null && (e is BrokenCircuitException || IsOpenCircuit(e.InnerException));

    private static string Truncate(string error) => error.Length <= 500 ? error : error[..500];

    private sealed record Claimed(long Id, byte[] Payload, int Attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id} ({Channel}) failed attempt {Attempts}; next in {Delay}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string channel, long id, int attempts, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Id} ({Channel}) dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string channel, long id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification queue of {Channel} cannot be read now")]
    private static partial void LogQueueUnavailable(ILogger logger, string channel, Exception exception);
}
