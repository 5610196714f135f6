namespace GamesDrop.Checkout.PayPal;

/// <summary>
/// The OAuth access token, shared by every <see cref="PayPalClient"/> (typed clients are transient) and reused until
/// shortly before it expires; one caller fetches a new one while the others wait for it.
/// </summary>
public sealed class PayPalTokenCache(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MaxMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _current;

    /// <param name="fetch">Gets a new token and its lifetime (<c>expires_in</c>).</param>
    public async Task<string> GetAsync(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, CancellationToken ct)
    {
        if (Fresh() is { } token)
        {
            return token;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            var (value, lifetime) = await fetch(ct);
            // Renew a little early (a tenth of the lifetime, at most five minutes), so no call leaves with a token about to expire.
            var margin = TimeSpan.FromTicks(Math.Min(MaxMargin.Ticks, lifetime.Ticks / 10));
            _current = new CachedToken(value, clock.GetUtcNow() + lifetime - margin);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>PayPal refused <paramref name="token"/> (revoked, or its clock disagrees): the next call fetches another.</summary>
    public void Invalidate(string token)
    {
        var current = _current;
        if (current?.Value == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() => _current is { } current && clock.GetUtcNow() < current.RenewAt ? current.Value : null;

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);
}
