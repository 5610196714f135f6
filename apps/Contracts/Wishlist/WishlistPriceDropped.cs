namespace GamesDrop.Contracts.Wishlist;

/// <summary>
/// The store price of a product on <paramref name="UserId"/>'s wishlist fell to or below their target; published once per
/// drop. <paramref name="Email"/> and <paramref name="DisplayName"/> address the mail, as the notifier keeps no accounts.
/// </summary>
public sealed record WishlistPriceDropped(
    Guid UserId, string Email, string DisplayName, string Slug, string Title, decimal Price, string Currency, decimal TargetPrice,
    DateTimeOffset DroppedAt);
