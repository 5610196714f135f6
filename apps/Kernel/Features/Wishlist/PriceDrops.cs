using Dapper;
using GamesDrop.Contracts.Wishlist;

namespace GamesDrop.Kernel.Features.Wishlist;

/// <summary>The drops <see cref="WishlistSql.PriceDrops"/> found, as events for the repricing transaction to publish.</summary>
internal static class PriceDrops
{
    public static async Task<IReadOnlyList<WishlistPriceDropped>> ReadAsync(SqlMapper.GridReader results, string currency) =>
        (await results.ReadAsync<PriceDropRow>())
            .Select(d => new WishlistPriceDropped(d.UserId, d.Email, d.DisplayName, d.Slug, d.Title, d.Price, currency, d.TargetPrice,
                new DateTimeOffset(d.DroppedAt, TimeSpan.Zero)))
            .ToList();

    private sealed record PriceDropRow(
        Guid UserId, string Email, string DisplayName, string Slug, string Title, decimal Price, decimal TargetPrice, DateTime DroppedAt);
}
