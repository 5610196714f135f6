namespace GamesDrop.BuildingBlocks.State;

/// <summary>
/// Which partner pushes one app has already handled, kept in its state store for <see cref="RememberFor"/> (so the record
/// is bounded: each entry expires, and Redis evicts expiring keys first under memory pressure). A push whose partner-stated
/// send time is older than that is stale: every replay is then either remembered or refused.
/// </summary>
public sealed class WebhookReplays(IStateStore state, TimeProvider clock)
{
    /// <summary>Longer than PayPal's 3 days of retries, so a genuine retry is still recognised.</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromDays(4);

    /// <summary>Whether a push sent at <paramref name="sentAt"/> can still be told from a replay.</summary>
    public bool IsFresh(DateTimeOffset sentAt) => sentAt > clock.GetUtcNow() - RememberFor;

    public async Task<bool> SeenAsync(string key, CancellationToken ct) => await state.GetAsync<bool>(Key(key), ct) is not null;

    /// <summary>Called once the push has been acted on, so a push that failed half-way is taken again when the partner retries.</summary>
    public Task RememberAsync(string key, CancellationToken ct) => state.TrySaveAsync(Key(key), true, ttl: RememberFor, ct: ct);

    private static string Key(string key) => "webhook-seen-" + key;
}
