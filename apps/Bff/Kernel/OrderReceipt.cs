namespace GamesDrop.Bff.Kernel;

/// <summary>An order as its buyer sees it: lines, keys (ids only until revealed) and the status timeline. Times are UTC.</summary>
public sealed record OrderReceipt(Guid OrderId, string Number, string Status, string Email, string Currency, decimal Total, DateTimeOffset CreatedAt,
    IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<TimelineStep> Timeline);

public sealed record ReceiptLine(long LineId, string Title, string Slug, int Quantity, decimal UnitPrice, string Status, IReadOnlyList<ReceiptKey> Keys);

public sealed record ReceiptKey(long KeyId, DateTimeOffset? RevealedAt);

public sealed record TimelineStep(string Step, DateTimeOffset At);

/// <summary>A key shown to its owner: text, or a base64 image with its media type.</summary>
public sealed record RevealedKey(long KeyId, string Value, string ContentType);
