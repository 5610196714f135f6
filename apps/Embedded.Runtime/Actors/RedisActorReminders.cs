using System.Globalization;
using System.Text.Json;
using Dapr.Actors;
using Dapr.Actors.Runtime;
using StackExchange.Redis;

namespace GamesDrop.Embedded.Runtime.Actors;

/// <summary>
/// Embedded profile: actor reminders kept in Redis, so they outlive the process as daprd's do. A sorted set
/// <c>{appId}||actor-reminders</c> holds <c>{actorType}||{actorId}||{name}</c> by due time (Unix ms), a hash beside it
/// the payload and period. <see cref="ReminderPoller"/> fires them. Timers, which Dapr does not persist either, are not offered.
/// </summary>
internal sealed class RedisActorReminders(IConnectionMultiplexer redis, string appId, TimeProvider clock) : ActorTimerManager
{
    // Claims due reminders by pushing them a lease ahead: a reminder whose firing dies with the process comes due again.
    private static readonly LuaScript Claim = LuaScript.Prepare("""
        local due = redis.call('ZRANGEBYSCORE', @schedule, '-inf', @now, 'LIMIT', 0, @max)
        for _, member in ipairs(due) do redis.call('ZADD', @schedule, @lease, member) end
        return due
        """);

    // Reschedules (or, without a period, deletes) a fired reminder unless it was registered anew meanwhile.
    private static readonly LuaScript Finish = LuaScript.Prepare("""
        if redis.call('ZSCORE', @schedule, @member) ~= @lease then return 0 end
        if @next == '' then
          redis.call('ZREM', @schedule, @member)
          redis.call('HDEL', @payloads, @member)
        else
          redis.call('ZADD', @schedule, @next, @member)
        end
        return 1
        """);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private string Schedule => $"{appId}||actor-reminders";
    private string Payloads => $"{appId}||actor-reminders||payloads";

    public override async Task RegisterReminderAsync(ActorReminder reminder)
    {
        var member = Member(reminder);
        var payload = JsonSerializer.Serialize(new Payload(reminder.State, reminder.Period));
        var transaction = redis.GetDatabase().CreateTransaction();
        var writes = new[]
        {
            transaction.HashSetAsync(Payloads, member, payload),
            transaction.SortedSetAddAsync(Schedule, member, Now() + (long)reminder.DueTime.TotalMilliseconds),
        };
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
    }

    public override async Task<IActorReminder> GetReminderAsync(ActorReminderToken reminder)
    {
        var database = redis.GetDatabase();
        var member = Member(reminder);
        var payload = await database.HashGetAsync(Payloads, member);
        var due = await database.SortedSetScoreAsync(Schedule, member);
        if (payload.IsNull || due is null)
        {
            return null!;
        }
        var (state, period) = JsonSerializer.Deserialize<Payload>((string)payload!)!;
        var dueTime = TimeSpan.FromMilliseconds(Math.Max(0, (long)due.Value - Now()));
        return new ActorReminder(reminder.ActorType, reminder.ActorId, reminder.Name, state, dueTime, period);
    }

    public override async Task UnregisterReminderAsync(ActorReminderToken reminder)
    {
        var member = Member(reminder);
        var transaction = redis.GetDatabase().CreateTransaction();
        var writes = new Task[] { transaction.SortedSetRemoveAsync(Schedule, member), transaction.HashDeleteAsync(Payloads, member) };
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
    }

    public override Task RegisterTimerAsync(ActorTimer timer) =>
        throw new NotSupportedException("The Embedded actor runtime keeps no timers; register a reminder.");

    public override Task UnregisterTimerAsync(ActorTimerToken timer) =>
        throw new NotSupportedException("The Embedded actor runtime keeps no timers; register a reminder.");

    /// <summary>Takes up to <paramref name="max"/> due reminders for firing; each comes with the lease that marks it taken.</summary>
    public async Task<IReadOnlyList<DueReminder>> ClaimDueAsync(int max)
    {
        var now = Now();
        var lease = now + (long)Lease.TotalMilliseconds;
        var database = redis.GetDatabase();
        var members = (RedisResult[])(await database.ScriptEvaluateAsync(Claim, new { schedule = (RedisKey)Schedule, now, lease, max }))!;
        var due = new List<DueReminder>();
        foreach (var member in members.Select(m => (string)m!))
        {
            var payload = await database.HashGetAsync(Payloads, member);
            var parts = member.Split("||", 3);
            if (payload.IsNull || parts.Length != 3)
            {
                await database.SortedSetRemoveAsync(Schedule, member);
                continue;
            }
            var (state, period) = JsonSerializer.Deserialize<Payload>((string)payload!)!;
            due.Add(new DueReminder(parts[0], parts[1], parts[2], state, period, lease));
        }
        return due;
    }

    /// <summary>Whether <paramref name="reminder"/> is still the one claimed, not registered anew since.</summary>
    public async Task<bool> IsStillClaimedAsync(DueReminder reminder) =>
        await redis.GetDatabase().SortedSetScoreAsync(Schedule, Member(reminder)) == reminder.Lease;

    /// <summary>After a firing: the next due time for a periodic reminder, else the reminder is gone.</summary>
    public async Task FinishAsync(DueReminder reminder)
    {
        var next = reminder.Period > TimeSpan.Zero ? (Now() + (long)reminder.Period.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "";
        await redis.GetDatabase().ScriptEvaluateAsync(Finish, new
        {
            schedule = (RedisKey)Schedule,
            payloads = (RedisKey)Payloads,
            member = Member(reminder),
            lease = reminder.Lease.ToString(CultureInfo.InvariantCulture),
            next,
        });
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Member(ActorReminderToken reminder) => Member(reminder.ActorType, reminder.ActorId.GetId(), reminder.Name);

    private static string Member(DueReminder reminder) => Member(reminder.ActorType, reminder.ActorId, reminder.Name);

    private static string Member(string actorType, string actorId, string name) => $"{actorType}||{actorId}||{name}";

    private sealed record Payload(byte[] State, TimeSpan Period);
}

/// <summary>A reminder taken for firing, with the lease (due score) that marks it as taken.</summary>
internal sealed record DueReminder(string ActorType, string ActorId, string Name, byte[] State, TimeSpan Period, long Lease);
