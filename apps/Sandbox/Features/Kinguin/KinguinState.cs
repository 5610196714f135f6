using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Features.Faults;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>
/// A product's offers as Kinguin reports them at one moment, with the summary fields derived from them. The
/// cheapest offer is the cheapest one with keys; <see cref="Previous"/> is the state before the last change,
/// which a stale (out-of-order) push replays.
/// </summary>
internal sealed record KinguinState(KinguinOffer[] Offers, DateTimeOffset UpdatedAt, KinguinState? Previous = null)
{
    private KinguinOffer[] InStock => [.. Offers.Where(o => o.Qty > 0)];

    public decimal Price => InStock is { Length: > 0 } offers ? offers.Min(o => o.Price) : Offers.Min(o => o.Price);

    public KinguinOffer[] Cheapest
    {
        get
        {
            var price = Price;
            return [.. InStock.Where(o => o.Price == price)];
        }
    }

    public int Qty => Cheapest.Sum(o => o.Qty);

    public int TextQty => Cheapest.Sum(o => o.TextQty);

    public int TotalQty => Offers.Sum(o => o.Qty);

    public KinguinState WithFaults(FaultSettings faults) =>
        faults is { OutOfStock: false, PriceMultiplier: 1m }
            ? this
            : this with
            {
                Offers = [.. Offers.Select(o => o with
                {
                    Price = Math.Round(o.Price * faults.PriceMultiplier, 2),
                    Qty = faults.OutOfStock ? 0 : o.Qty,
                    TextQty = faults.OutOfStock ? 0 : o.TextQty,
                })],
            };
}
