namespace GamesDrop.Contracts.Catalog;

/// <summary>A supplier listing the kernel would not take as it was, why, and when it last came.</summary>
public sealed record QuarantinedOffer(string Sku, string Reason, DateTimeOffset? SeenAt = null);
