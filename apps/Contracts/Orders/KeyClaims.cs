namespace GamesDrop.Contracts.Orders;

/// <summary>Why a buyer says a revealed key does not work; the values <c>key_claims.reason</c> allows.</summary>
public static class ClaimReasons
{
    public const string AlreadyUsed = "already_used";
    public const string Invalid = "invalid";
    public const string WrongRegion = "wrong_region";
    public const string WrongPlatform = "wrong_platform";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [AlreadyUsed, Invalid, WrongRegion, WrongPlatform, Other];

    public const int MaxMessageLength = 2000;
}

/// <summary>A claim's state, as <c>key_claims.status</c> holds it: open, or how staff resolved it.</summary>
public static class ClaimStatuses
{
    public const string Open = "open";
    public const string Replaced = "replaced";
    public const string Refunded = "refunded";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Open, Replaced, Refunded, Rejected];
}

/// <summary>The buyer's claim on a revealed key of their order.</summary>
public sealed record OpenClaim(string Reason, string? Message);

/// <summary>A claim as staff and checkout read it; times UTC. <paramref name="Supplier"/> delivered the claimed key (none: own stock).</summary>
public sealed record KeyClaim(
    long ClaimId, Guid OrderId, string OrderNumber, long LineId, string Title, long KeyId, string? Supplier, string Reason, string Message,
    string Status, DateTime OpenedAt, DateTime? ResolvedAt, string? ResolutionNote, long? ReplacementKeyId);

/// <summary>Staff close a claim as refunded (the line's refund is recorded first) or rejected (the note is shown to the buyer).</summary>
public sealed record ResolveClaim(string Status, string? Note, Guid ResolvedBy);

/// <summary>Staff replace a claimed key: from own stock when <paramref name="Keys"/> is null, else with a supplier's delivery.</summary>
public sealed record ReplaceClaim(Guid ResolvedBy, DeliverKeys? Keys = null);

/// <summary>A buyer opened a claim; published once per claim. <paramref name="Reason"/> is one of <see cref="ClaimReasons"/>.</summary>
public sealed record ClaimOpened(long ClaimId, Guid OrderId, string Number, string Title, string? Supplier, string Reason, DateTimeOffset At);

/// <summary>Staff resolved a claim (<paramref name="Status"/>: replaced, refunded or rejected); published once per claim.</summary>
public sealed record ClaimResolved(long ClaimId, Guid OrderId, string Number, string Title, string Status, string? Note, DateTimeOffset At);
