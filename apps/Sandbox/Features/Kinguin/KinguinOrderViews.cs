namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Kinguin's order object at one moment: status and key states follow the delivery clock.</summary>
internal sealed record KinguinOrderView(
    string OrderId,
    string? OrderExternalId,
    string Status,
    decimal TotalPrice,
    decimal RequestTotalPrice,
    decimal PaymentPrice,
    string UserEmail,
    int StoreId,
    DateTimeOffset CreatedAt,
    bool IsPreorder,
    DateOnly? PreorderReleaseDate,
    KinguinOrderProductView[] Products)
{
    public const string SandboxEmail = "store@sandbox.gamesdrop.local";

    public static KinguinOrderView From(KinguinOrder order, DateTimeOffset now)
    {
        var delivered = order.Keys.Take(order.DeliveredKeys(now)).Select(k => k.Key.Id).ToHashSet();
        var preorder = order.Lines.FirstOrDefault(l => l.Game.IsPreorder)?.Game.ReleaseDate;
        return new KinguinOrderView(order.OrderId, order.OrderExternalId, order.Status(now), order.TotalPrice, order.RequestTotalPrice,
            order.TotalPrice, SandboxEmail, 1, order.CreatedAt, preorder is not null, preorder,
            [.. order.Lines.Select(l => KinguinOrderProductView.From(l, delivered))]);
    }
}

internal sealed record KinguinOrderProductView(
    int KinguinId,
    string ProductId,
    string OfferId,
    int Qty,
    string Name,
    decimal Price,
    decimal RequestPrice,
    bool IsPreorder,
    DateOnly ReleaseDate,
    string? KeyType,
    bool Accurate,
    string Broker,
    KinguinKeyState[] Keys)
{
    public static KinguinOrderProductView From(KinguinOrderLine line, IReadOnlySet<string> delivered) =>
        new(line.Game.Kinguin!.KinguinId, line.Game.Kinguin.ProductId, line.Offer.OfferId, line.Qty, KinguinProduct.NameOf(line.Game),
            line.Price, line.RequestPrice, line.Game.IsPreorder, line.Game.ReleaseDate, line.KeyType, line.Price == line.RequestPrice, "internal",
            [.. line.Keys.Select(k => new KinguinKeyState(k.Id, delivered.Contains(k.Id) ? "DELIVERED" : "PENDING"))]);
}

internal sealed record KinguinKeyState(string Id, string Status);

/// <summary>A downloaded key, as <c>GET /v2/order/{orderId}/keys</c> lists it.</summary>
internal sealed record KinguinKeyView(string Id, string Serial, string Type, string Name, int KinguinId, string OfferId, string ProductId)
{
    public static KinguinKeyView From(KinguinOrderLine line, KinguinKey key) =>
        new(key.Id, key.Serial, key.Type, KinguinProduct.NameOf(line.Game), line.Game.Kinguin!.KinguinId, line.Offer.OfferId,
            line.Game.Kinguin.ProductId);
}
