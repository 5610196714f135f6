using System.Collections.Concurrent;
using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Features.Faults;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Kinguin's live offers: the generated listing until something (a sale, an admin change) replaces it.</summary>
internal sealed class KinguinStock(FaultSwitches faults, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, KinguinState> _changed = new();
    private readonly Lock _gate = new();

    /// <summary>What the API reports: the stored state with the fault switches applied.</summary>
    public KinguinState Current(Game game) => Stored(game).WithFaults(faults.For(Partners.Kinguin));

    public DateTimeOffset UpdatedAt(Game game) => Stored(game).UpdatedAt;

    /// <summary>Replaces the offers and stamps the change.</summary>
    public KinguinState Change(Game game, Func<KinguinOffer[], KinguinOffer[]> change)
    {
        lock (_gate)
        {
            var before = Stored(game);
            var after = new KinguinState(change(before.Offers), clock.Now(), before with { Previous = null });
            _changed[game.Kinguin!.KinguinId] = after;
            return after;
        }
    }

    private KinguinState Stored(Game game) =>
        _changed.TryGetValue(game.Kinguin!.KinguinId, out var state) ? state : new KinguinState(game.Kinguin.Offers, game.Kinguin.UpdatedAt);
}
