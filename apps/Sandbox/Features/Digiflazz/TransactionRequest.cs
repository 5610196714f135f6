namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>Body of <c>/transaction</c>; re-sending it with the same ref_id asks for the transaction's status.</summary>
/// <param name="MaxPrice">The most the buyer pays in IDR; a dearer product is refused.</param>
/// <param name="CbUrl">Webhook target for this transaction only.</param>
internal sealed record TransactionRequest(
    string? Username,
    string? BuyerSkuCode,
    string? CustomerNo,
    string? RefId,
    string? Sign,
    bool Testing = false,
    long? MaxPrice = null,
    string? CbUrl = null,
    bool AllowDot = false)
{
    public bool IsComplete =>
        !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(BuyerSkuCode) && !string.IsNullOrEmpty(CustomerNo)
        && !string.IsNullOrEmpty(RefId) && !string.IsNullOrEmpty(Sign);

    /// <summary>Whether this is the request that created <paramref name="existing"/>, i.e. a status check.</summary>
    public bool Repeats(DigiflazzTransaction existing) =>
        string.Equals(existing.BuyerSkuCode, BuyerSkuCode, StringComparison.OrdinalIgnoreCase) && existing.CustomerNo == CustomerNo;
}
