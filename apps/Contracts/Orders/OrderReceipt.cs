namespace GamesDrop.Contracts.Orders;

/// <summary>
/// An order as its buyer sees it, signed in or by receipt token; keys are listed, their values only revealed on request.
/// <paramref name="Hold"/> is set while the order is held for review.
/// </summary>
public sealed record OrderReceipt(
    Guid OrderId, string Number, string Status, string Email, string Currency, decimal Total, DateTimeOffset CreatedAt,
    IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<ReceiptStep> Timeline, ReceiptHold? Hold = null);

/// <summary>Why a held order waits, in the buyer's words (never the rules' names), and when the review ends at the latest.</summary>
public sealed record ReceiptHold(IReadOnlyList<string> Reasons, DateTimeOffset? ReviewBy);

/// <param name="RefundableUntil">Until when the buyer may refund the line in one click (its keys unrevealed); null when not.</param>
public sealed record ReceiptLine(
    long LineId, string Title, string Slug, int Quantity, decimal UnitPrice, string Status, IReadOnlyList<ReceiptKey> Keys,
    DateTimeOffset? RefundableUntil = null);

/// <summary>
/// A delivered key; <paramref name="RevealedAt"/> is when it was first shown, <paramref name="Claim"/> the buyer's claim that
/// it does not work, <paramref name="ReplacesKeyId"/> the claimed key it replaces.
/// </summary>
public sealed record ReceiptKey(long KeyId, DateTimeOffset? RevealedAt, ReceiptClaim? Claim = null, long? ReplacesKeyId = null);

/// <summary>A claim as its buyer reads it: what they said, where it stands, and staff's note (why it was rejected).</summary>
public sealed record ReceiptClaim(string Reason, string Status, string? Note, DateTimeOffset OpenedAt);

public sealed record ReceiptStep(string Step, DateTimeOffset At);

/// <summary>A key's value, shown to the order's buyer; the record does not print it.</summary>
public sealed record RevealedKey(long KeyId, string Value, string ContentType)
{
    public override string ToString() => $"RevealedKey {{ KeyId = {KeyId}, ContentType = {ContentType} }}";
}
