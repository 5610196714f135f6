namespace GamesDrop.Contracts;

/// <summary>Pub/sub topic names, kebab-case; never re-typed elsewhere.</summary>
public static class Topics
{
    public const string CurrencyRateChanged = "currency-rate-changed";
    public const string OffersChanged = "offers-changed";
    public const string SupplierOrderUpdated = "supplier-order-updated";
    public const string SupplierBalanceLow = "supplier-balance-low";
    public const string SupplierCircuitChanged = "supplier-circuit-changed";
    public const string SupplierSyncFailed = "supplier-sync-failed";
    public const string OwnStockLow = "own-stock-low";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string RegistrationAttempted = "registration-attempted";
    public const string EmailVerificationRequested = "email-verification-requested";
    public const string WishlistPriceDropped = "wishlist-price-dropped";
    public const string OrderCreated = "order-created";
    public const string OrderPaid = "order-paid";
    public const string OrderHeld = "order-held";
    public const string OrderReviewed = "order-reviewed";
    public const string OrderCompleted = "order-completed";
    public const string OrderFailed = "order-failed";
    public const string OrderRefunded = "order-refunded";
    public const string OrderStuck = "order-stuck";
    public const string ClaimOpened = "claim-opened";
    public const string ClaimResolved = "claim-resolved";
    public const string SettingsChanged = "settings-changed";
    public const string DeadLetters = "dead-letters";
}
