using Microsoft.Extensions.DependencyInjection;
using Dapper;
using GamesDrop.BuildingBlocks.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>
/// The runner's loop: claims due episodes and activities with a lease (<c>FOR UPDATE SKIP LOCKED</c>), so hosts on
/// one database never run the same instance's episode or the same activity at once, and work left by a stopped
/// host is taken over when its lease runs out. Woken at once by new work in this process, else by a poll.
/// </summary>
internal sealed partial class WorkflowWorker(
    [FromKeyedServices(EmbeddedWorkflowsExtensions.App)] NpgsqlDataSource db, EpisodeRunner episodes, ActivityRunner activities, WorkflowRunnerOptions options,
    IHostApplicationLifetime lifetime, ILogger<WorkflowWorker> logger) : BackgroundService
{
    private const int EpisodeBatch = 20;
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly WakeUp _wakeUp = new();
    private int _runningActivities;

    public void Signal() => _wakeUp.Set();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Activities call this host's own routes.
            await HostStarted.WaitAsync(lifetime, stoppingToken);
            while (true)
            {
                try
                {
                    if (await PassAsync(stoppingToken))
                    {
                        continue;
                    }
                }
                catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
                {
                    BackgroundFailures.Record("workflows");
                    LogPassFailed(e);
                }
                await _wakeUp.WaitAsync(options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping. Activities still running are left to their leases.
        }
    }

    private async Task<bool> PassAsync(CancellationToken ct)
    {
        var instances = await ClaimAsync<string>(WorkflowSql.ClaimEpisodes, EpisodeBatch, ct);
        foreach (var instanceId in instances)
        {
            try
            {
                await episodes.RunAsync(instanceId, _owner, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One instance's trouble must not stall the others; its lease runs out and the episode is tried again.
                LogEpisodeFailed(e, instanceId);
            }
        }
        var free = options.MaxConcurrentActivities - Volatile.Read(ref _runningActivities);
        if (free > 0)
        {
            foreach (var item in await ClaimAsync<ClaimedActivity>(WorkflowSql.ClaimActivities, free, ct))
            {
                Interlocked.Increment(ref _runningActivities);
                _ = RunActivityAsync(item, ct);
            }
        }
        return instances.Count == EpisodeBatch;
    }

    private async Task<List<T>> ClaimAsync<T>(string sql, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql,
            new { Limit = limit, Owner = _owner, LeaseSeconds = options.LeaseDuration.TotalSeconds }, cancellationToken: ct))).ToList();
    }

    private async Task RunActivityAsync(ClaimedActivity item, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            await activities.RunAsync(item, _owner, ct);
        }
        catch (Exception e)
        {
            // Reporting failed or the host stopped: the lease runs out and the activity runs again.
            LogActivityAbandoned(e, item.Name, item.InstanceId);
        }
        finally
        {
            Interlocked.Decrement(ref _runningActivities);
            _wakeUp.Set();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow runner pass failed; retrying")]
    private partial void LogPassFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Episode of workflow instance {InstanceId} failed; retried once its lease runs out")]
    private partial void LogEpisodeFailed(Exception e, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {Name} of workflow instance {InstanceId} was left unreported; it runs again once its lease runs out")]
    private partial void LogActivityAbandoned(Exception e, string name, string instanceId);
}
