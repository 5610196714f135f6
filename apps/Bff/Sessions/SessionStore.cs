using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.Contracts;

namespace GamesDrop.Bff.Sessions;

/// <summary>
/// Sessions in the state store with a sliding TTL of <see cref="SessionOptions.IdleTimeout"/>, ended at the latest
/// <see cref="SessionOptions.AbsoluteLifetime"/> after sign-in. Keys are hashes of the ids, so the store never
/// holds a usable cookie value. Each user's session keys are listed under <c>sessions-of-&lt;user id&gt;</c>, so a
/// password change or reset can end them.
/// </summary>
public sealed class SessionStore([FromKeyedServices(AppIds.Bff)] IStateStore state, SessionOptions options, TimeProvider clock)
{
    private readonly TimeSpan _idleTimeout = options.IdleTimeout;
    private readonly TimeSpan _absoluteLifetime = options.AbsoluteLifetime;

    public async Task<CurrentSession> StartAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var id = NewSecret();
        var session = new Session(userId, roles, NewSecret(), clock.GetUtcNow());
        await state.TrySaveAsync(Key(id), session, ttl: _idleTimeout, ct: ct);
        await ChangeIndexAsync(userId, live => ValueTask.FromResult<List<IndexedSession>>([.. live, new IndexedSession(Key(id), session.CreatedAt)]), ct);
        return new CurrentSession(id, session);
    }

    /// <summary>Ends every session of <paramref name="userId"/> but the one of <paramref name="keepId"/>, when given.</summary>
    public Task EndAllOfUserAsync(Guid userId, string? keepId, CancellationToken ct)
    {
        var keep = keepId is null ? null : Key(keepId);
        return ChangeIndexAsync(userId, async live =>
        {
            foreach (var ended in live.Where(s => s.Key != keep))
            {
                await state.TryDeleteAsync(ended.Key, ct: ct);
            }
            return live.Where(s => s.Key == keep).ToList();
        }, ct);
    }

    /// <summary>The session, its idle timer restarted; null when unknown, idle too long or past its lifetime.</summary>
    public async Task<Session?> ResumeAsync(string id, CancellationToken ct)
    {
        var entry = await state.GetAsync<Session>(Key(id), ct);
        if (entry is null)
        {
            return null;
        }
        if (entry.Value.CreatedAt + _absoluteLifetime < clock.GetUtcNow())
        {
            await state.TryDeleteAsync(Key(id), ct: ct);
            return null;
        }
        // A stale ETag means a parallel request just restarted the timer; either write is as good.
        await state.TrySaveAsync(Key(id), entry.Value, entry.ETag, _idleTimeout, ct);
        return entry.Value;
    }

    public Task EndAsync(string id, CancellationToken ct) => state.TryDeleteAsync(Key(id), ct: ct);

    // Read, change, write with the ETag read, again on a conflict; entries past the absolute lifetime are dropped. A
    // session that timed out idle stays listed until then, and deleting it again is harmless.
    private async Task ChangeIndexAsync(
        Guid userId, Func<IReadOnlyList<IndexedSession>, ValueTask<List<IndexedSession>>> change, CancellationToken ct)
    {
        var key = "sessions-of-" + userId;
        while (true)
        {
            var entry = await state.GetAsync<List<IndexedSession>>(key, ct);
            var live = (entry?.Value ?? []).Where(s => s.CreatedAt + _absoluteLifetime > clock.GetUtcNow()).ToList();
            if (await state.TrySaveAsync(key, await change(live), entry?.ETag, _absoluteLifetime, ct))
            {
                return;
            }
        }
    }

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Key(string id) => "session-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}

/// <summary>A session in a user's index: the hashed key it is stored under, and when it began.</summary>
internal sealed record IndexedSession(string Key, DateTimeOffset CreatedAt);
