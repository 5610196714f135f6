namespace GamesDrop.Suppliers.Adapters.Digiflazz;

/// <summary>What Digiflazz's response codes say about a transaction (its response-code table, EXTERNAL_APIS.md §2).</summary>
internal static class DigiflazzCodes
{
    public const string Success = "00";

    public static bool IsPending(string rc) => rc is "03" or "99";

    /// <summary>Refusals after which Digiflazz holds no transaction for the ref_id: buying elsewhere pays nobody twice.</summary>
    public static bool CreatedNothing(string? rc) =>
        int.TryParse(rc, out var code) && code is 40 or 41 or 42 or 43 or 44 or 45 or 47 or 49 or (>= 61 and <= 69) or (>= 80 and <= 83) or 87 or 88;
}
