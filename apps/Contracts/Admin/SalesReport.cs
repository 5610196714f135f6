using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Contracts.Admin;

// Sales analytics as the kernel computes them; money is in the store currency (converted with the stored rates), a day
// is a calendar day in the report's time zone, and From and To are both included.

public sealed record SalesReport(
    string Currency, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<SalesDay> Days, IReadOnlyList<SupplierSales> Suppliers,
    IReadOnlyList<TopProduct> TopProducts, SalesFunnel Funnel);

/// <summary>Payments captured that day (orders and their amount) and refunds paid out that day.</summary>
public sealed record SalesDay(DateOnly Day, long Orders, decimal Revenue, decimal Refunds, decimal Net);

/// <summary>
/// One supplier's keys sold in the range, or own stock when <paramref name="Supplier"/> is null. Revenue counts keys whose
/// line was delivered and kept; cost counts every key sold, a refunded one's too (a shown key cannot be sold again);
/// <paramref name="KeysWithoutCost"/> had no cost or no rate for its currency. Refunds paid in the range are split over
/// their lines by value; a refund of no line, or of a line no supplier delivered, counts as own stock.
/// </summary>
public sealed record SupplierSales(
    string? Supplier, string Name, long KeysSold, decimal Revenue, decimal Cost, decimal Margin, long KeysWithoutCost,
    long RefundedLines, decimal Refunded, long Claims, long OpenClaims);

/// <summary>A product's units and revenue on orders paid in the range, less lines refunded or never delivered.</summary>
public sealed record TopProduct(long ProductId, string Title, string Slug, long Units, decimal Revenue);

/// <summary>Product page views and cart adds (counted by the storefront's API), orders placed, and orders paid.</summary>
public sealed record SalesFunnel(long ProductViews, long CartAdds, long Checkouts, long Paid);

/// <summary>Views and cart adds one storefront API process counted since it last reported.</summary>
public sealed record FunnelCounts([Range(0, 1_000_000_000)] long ProductViews, [Range(0, 1_000_000_000)] long CartAdds);
