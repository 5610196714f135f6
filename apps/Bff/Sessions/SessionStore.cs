using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.Contracts;

namespace GamesDrop.Bff.Sessions;

/// <summary>
/// Sessions in the state store with a sliding TTL of <c>Sessions:IdleTimeout</c> (default 2 h), ended at the latest
/// <c>Sessions:AbsoluteLifetime</c> (default 7 days) after sign-in. Keys are hashes of the ids, so the store never
/// holds a usable cookie value.
/// </summary>
public sealed class SessionStore([FromKeyedServices(AppIds.Bff)] IStateStore state, IConfiguration configuration, TimeProvider clock)
{
    private readonly TimeSpan _idleTimeout = configuration.GetValue("Sessions:IdleTimeout", TimeSpan.FromHours(2));
    private readonly TimeSpan _absoluteLifetime = configuration.GetValue("Sessions:AbsoluteLifetime", TimeSpan.FromDays(7));

    public async Task<CurrentSession> StartAsync(Guid userId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var id = NewSecret();
        var session = new Session(userId, roles, NewSecret(), clock.GetUtcNow());
        await state.TrySaveAsync(Key(id), session, ttl: _idleTimeout, ct: ct);
        return new CurrentSession(id, session);
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

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string Key(string id) => "session-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
