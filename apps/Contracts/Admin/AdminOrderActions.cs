namespace GamesDrop.Contracts.Admin;

// What the BFF asks the kernel to do on an admin's behalf; the admin is named so the kernel records who did it.

public sealed record AdminKeyReveal(Guid AdminId);

/// <param name="Keys">The keys the admin pasted, one per key the line still lacks.</param>
public sealed record ManualKeys(Guid AdminId, IReadOnlyList<string> Keys)
{
    // Keys never reach a log, not even through a record's generated ToString.
    public override string ToString() => $"ManualKeys {{ AdminId = {AdminId}, Keys = {Keys?.Count ?? 0} }}";
}

/// <param name="Keys">How many keys were sealed to the line.</param>
/// <param name="OrderStatus">The order's status after it.</param>
public sealed record ManualFulfilment(int Keys, string OrderStatus);
