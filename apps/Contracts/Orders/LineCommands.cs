namespace GamesDrop.Contracts.Orders;

/// <summary>Whether the line now has all its keys.</summary>
public sealed record FulfilResult(bool Fulfilled);

/// <summary>
/// A supplier offer a line can be bought from: the supplier must not charge more than <paramref name="MaxUnitPrice"/>
/// (in <paramref name="Currency"/>, the offer's), which is what the line's locked price allows.
/// </summary>
public sealed record SupplierCandidate(string Supplier, string Sku, decimal MaxUnitPrice, string Currency);

/// <summary>
/// Keys a supplier delivered for a line, with what they cost; a repeat of the same supplier order adds nothing.
/// <paramref name="UnitCost"/> and <paramref name="Currency"/> are both null when the supplier did not say: the keys are
/// stored all the same, and reports count them as keys without a cost rather than as free.
/// </summary>
public sealed record DeliverKeys(
    string Supplier, string SupplierOrderId, decimal? UnitCost, string? Currency, DateTimeOffset BoughtAt, IReadOnlyList<DeliveredKey> Keys);

/// <summary>A key as delivered; its value never appears in logs, so the record does not print it.</summary>
public sealed record DeliveredKey(string Value, string ContentType)
{
    public override string ToString() => $"DeliveredKey {{ ContentType = {ContentType} }}";
}

/// <summary>How many delivered keys were stored for the line; duplicates of keys already in the vault are not.</summary>
public sealed record DeliveredKeys(bool Fulfilled, int Stored, int Duplicates);

public sealed record FailLine(string Reason);
