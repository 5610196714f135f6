using System.Collections.Concurrent;
using System.Security.Cryptography;
using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Features.Faults;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>
/// The simulated store account: its balance and orders. Placing an order is one step under one lock (pick offers
/// at or under the accepted price, pay, take stock), so concurrent orders never oversell or overspend.
/// </summary>
internal sealed class KinguinOrderBook(DemoCatalog catalog, KinguinStock stock, KinguinOptions options, KinguinWebhooks webhooks,
    FaultSwitches faults, Scheduler scheduler, TimeProvider clock)
{
    private const string OrderIdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, KinguinOrder> _orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byExternalId = [];
    private decimal _balance = options.Balance;

    public decimal Balance
    {
        get
        {
            lock (_gate)
            {
                return _balance;
            }
        }
    }

    public IEnumerable<KinguinOrder> Orders => _orders.Values;

    public KinguinOrder? Find(string orderId) => _orders.GetValueOrDefault(orderId);

    public bool HasExternalId(string? orderExternalId)
    {
        lock (_gate)
        {
            return orderExternalId is not null && _byExternalId.ContainsKey(orderExternalId);
        }
    }

    public (KinguinOrder? Order, KinguinError? Error) Place(PlaceOrder request)
    {
        if (request.Validate() is { } invalid)
        {
            return (null, invalid);
        }
        lock (_gate)
        {
            if (request.OrderExternalId is { } externalId && _byExternalId.TryGetValue(externalId, out var existing))
            {
                return (null, KinguinError.Duplicate(externalId, existing));
            }
            var (picks, refused) = Pick(request.Products!);
            if (refused is not null)
            {
                return (null, refused);
            }
            var total = picks.Sum(p => p.Offer.Price * p.Line.Qty);
            if (total > _balance)
            {
                return (null, KinguinError.Of("InsufficientBalance", StatusCodes.Status422UnprocessableEntity,
                    $"The order costs {total} EUR but the balance is {_balance} EUR."));
            }
            _balance -= total;
            return (Commit(request.OrderExternalId, picks), null);
        }
    }

    /// <summary>The cheapest offer per line with enough keys at or under the accepted price, counting earlier lines' picks.</summary>
    private (List<(Game Game, KinguinOffer Offer, PlaceOrderLine Line)> Picks, KinguinError? Error) Pick(PlaceOrderLine[] lines)
    {
        var picks = new List<(Game, KinguinOffer, PlaceOrderLine)>();
        var left = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            if (catalog.ByProductId(line.ProductId!) is not { } game)
            {
                return (picks, KinguinError.Unavailable($"Product \"{line.ProductId}\" does not exist or is not active."));
            }
            if (game.IsPreorder && (lines.Length > 1 || line.KeyType is not null))
            {
                return (picks, KinguinError.Of("Preorder", StatusCodes.Status422UnprocessableEntity,
                    "A pre-order must be the only product of its order and must not set keyType."));
            }
            var offer = stock.Current(game).Offers
                .Where(o => (line.OfferId is null || o.OfferId == line.OfferId)
                    && left.GetValueOrDefault(o.OfferId, line.KeyType is null ? o.Qty : o.TextQty) >= line.Qty)
                .MinBy(o => o.Price);
            if (offer is null || offer.Price > line.Price)
            {
                return (picks, KinguinError.Unavailable(offer is null
                    ? $"Product \"{line.ProductId}\" has no offer with {line.Qty} {(line.KeyType is null ? "" : "text ")}keys left."
                    : $"Product \"{line.ProductId}\" costs {offer.Price} EUR now, more than the {line.Price} EUR accepted."));
            }
            left[offer.OfferId] = left.GetValueOrDefault(offer.OfferId, line.KeyType is null ? offer.Qty : offer.TextQty) - line.Qty;
            picks.Add((game, offer, line));
        }
        return (picks, null);
    }

    private KinguinOrder Commit(string? externalId, List<(Game Game, KinguinOffer Offer, PlaceOrderLine Line)> picks)
    {
        foreach (var sold in picks.GroupBy(p => p.Game))
        {
            stock.Change(sold.Key, offers => [.. offers.Select(o => Sell(o, sold.Where(p => p.Offer.OfferId == o.OfferId).Sum(p => p.Line.Qty)))]);
            webhooks.ProductChanged(sold.Key, stock.Current(sold.Key));
        }
        var now = clock.Now();
        var delivery = TimeSpan.FromSeconds(faults.For(Partners.Kinguin).KeyDeliverySeconds ?? options.KeyDeliverySeconds);
        // A pre-order delivers on its release day, however soon the order was placed.
        var release = picks.Where(p => p.Game.IsPreorder).Select(p => new DateTimeOffset(p.Game.ReleaseDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var completesAt = release.Append(now + delivery).Max();
        var order = new KinguinOrder(RandomNumberGenerator.GetString(OrderIdAlphabet, 11), externalId, now, completesAt - delivery, completesAt,
            [.. picks.Select(p => new KinguinOrderLine(p.Game, p.Offer, p.Line.Qty, p.Offer.Price, p.Line.Price, p.Line.KeyType,
                KinguinKeys.For(p.Game, p.Offer, p.Line.Qty)))]);
        _orders[order.OrderId] = order;
        if (externalId is not null)
        {
            _byExternalId[externalId] = order.OrderId;
        }
        scheduler.After(completesAt - now, () => webhooks.OrderChanged(order, KinguinOrder.Completed, completesAt));
        return order;
    }

    private static KinguinOffer Sell(KinguinOffer offer, int qty) =>
        qty == 0 ? offer : offer with { Qty = offer.Qty - qty, TextQty = Math.Max(0, offer.TextQty - qty) };
}
