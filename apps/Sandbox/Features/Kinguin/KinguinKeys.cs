using System.Security.Cryptography;
using GamesDrop.Sandbox.Catalog;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>The keys an order line gets: text codes, or images from offers that sell image keys only.</summary>
internal static class KinguinKeys
{
    public const string Text = "text/plain";
    public const string Png = "image/png";
    // A 1×1 PNG, base64 in `serial` as Kinguin sends image keys.
    private const string ImageKey = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    public static KinguinKey[] For(Game game, KinguinOffer offer, int qty) =>
        [.. Enumerable.Range(0, qty).Select(_ => offer.TextQty > 0
            ? new KinguinKey(RandomNumberGenerator.GetHexString(24, lowercase: true), KeyCodes.For(game.Platform), Text)
            : new KinguinKey(RandomNumberGenerator.GetHexString(24, lowercase: true), ImageKey, Png))];
}
