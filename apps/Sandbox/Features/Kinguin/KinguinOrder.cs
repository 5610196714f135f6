using GamesDrop.Sandbox.Catalog;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>
/// A placed order. Its keys exist from the start but are handed out evenly between <see cref="DeliveryStartsAt"/>
/// and <see cref="CompletesAt"/>, so a reader sees them arrive in part while the order is processing.
/// </summary>
internal sealed record KinguinOrder(
    string OrderId,
    string? OrderExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset DeliveryStartsAt,
    DateTimeOffset CompletesAt,
    KinguinOrderLine[] Lines)
{
    public const string Processing = "processing";
    public const string Completed = "completed";

    public decimal TotalPrice => Lines.Sum(l => l.Price * l.Qty);

    public decimal RequestTotalPrice => Lines.Sum(l => l.RequestPrice * l.Qty);

    public bool IsPreorder => Lines.Any(l => l.Game.IsPreorder);

    public string Status(DateTimeOffset now) => now >= CompletesAt ? Completed : Processing;

    /// <summary>When the order entered its current status, the <c>updatedAt</c> of its order.status push.</summary>
    public DateTimeOffset StatusSince(DateTimeOffset now) => now >= CompletesAt ? CompletesAt : CreatedAt;

    public int DeliveredKeys(DateTimeOffset now)
    {
        var total = Lines.Sum(l => l.Keys.Length);
        if (now >= CompletesAt)
        {
            return total;
        }
        var share = Math.Max(0, (now - DeliveryStartsAt) / (CompletesAt - DeliveryStartsAt));
        return (int)(total * share);
    }

    /// <summary>Every key with its line, in delivery order.</summary>
    public IEnumerable<(KinguinOrderLine Line, KinguinKey Key)> Keys => Lines.SelectMany(l => l.Keys.Select(k => (l, k)));
}

/// <summary>One product of an order, bought from one offer at that offer's price.</summary>
internal sealed record KinguinOrderLine(Game Game, KinguinOffer Offer, int Qty, decimal Price, decimal RequestPrice, string? KeyType, KinguinKey[] Keys);

/// <summary>A key: <see cref="Serial"/> is text, or a base64 image when <see cref="Type"/> is an image type.</summary>
internal sealed record KinguinKey(string Id, string Serial, string Type);
