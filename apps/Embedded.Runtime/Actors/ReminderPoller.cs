using Dapr.Actors.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using GamesDrop.BuildingBlocks.Hosting;

namespace GamesDrop.Embedded.Runtime.Actors;

/// <summary>
/// Embedded profile: fires due reminders every <see cref="ReminderOptions.ReminderPollInterval"/> (default 1 s) through the actor's turn,
/// so a reminder never runs beside a method of the same actor. A firing that fails is retried when its lease runs out.
/// </summary>
internal sealed partial class ReminderPoller(
    EmbeddedActorRuntime runtime, RedisActorReminders reminders, ReminderOptions options, ILogger<ReminderPoller> logger)
    : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.ReminderPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var reminder in await reminders.ClaimDueAsync(Batch))
                {
                    await FireAsync(reminder);
                }
            }
            catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
            {
                BackgroundFailures.Record("actor-reminders");
                LogPollFailed(e);
            }
            await Task.Delay(interval, stoppingToken);
        }
    }

    private async Task FireAsync(DueReminder reminder)
    {
        try
        {
            await runtime.InvokeAsync(reminder.ActorType, reminder.ActorId, async actor =>
            {
                // Registered anew after the claim (the actor was written to): that registration stands, this firing is void.
                if (!await reminders.IsStillClaimedAsync(reminder))
                {
                    return false;
                }
                await ((IRemindable)actor).ReceiveReminderAsync(reminder.Name, reminder.State, TimeSpan.Zero, reminder.Period);
                return true;
            });
            await reminders.FinishAsync(reminder);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFireFailed(e, reminder.ActorType, reminder.Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Reading due actor reminders failed; trying again")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(LogLevel.Error, "Actor reminder {ReminderName} of {ActorType} failed; it fires again when its lease ends")]
    private partial void LogFireFailed(Exception exception, string actorType, string reminderName);
}
