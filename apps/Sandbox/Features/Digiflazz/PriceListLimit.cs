namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>Digiflazz limits how often the price list may be fetched; a call too soon is answered with rc 83.</summary>
internal sealed class PriceListLimit(DigiflazzOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _last;

    /// <summary>Whether a call may go ahead now; only calls let through start a new interval.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_last is { } last && now - last < TimeSpan.FromSeconds(options.PriceListIntervalSeconds))
            {
                return false;
            }
            _last = now;
            return true;
        }
    }
}
