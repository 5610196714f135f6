namespace GamesDrop.Contracts.Catalog;

/// <summary>How a purchase for our line <paramref name="Reference"/> ended at a supplier; the scoreboard counts it once.</summary>
/// <param name="Outcome"><c>fulfilled</c> or <c>failed</c>.</param>
public sealed record SupplierPurchaseOutcome(string Reference, string Outcome, double? SecondsToKey);
