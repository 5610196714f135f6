namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>Digiflazz's development cases: <c>testing:true</c>, SKU xld10, and a customer number that picks the outcome.</summary>
internal static class TestNumbers
{
    public const string Sku = "xld10";
    public const long Price = 10_500;

    /// <returns>The first answer's rc and, for Pending, the rc it settles on; an unknown number is refused.</returns>
    public static (string First, string? Settles) Outcome(string customerNo) => customerNo switch
    {
        "087800001230" => (DigiflazzCodes.Success, null),
        "087800001232" => (DigiflazzCodes.Failed, null),
        "087800001233" => (DigiflazzCodes.Pending, DigiflazzCodes.Success),
        "087800001234" => (DigiflazzCodes.Pending, DigiflazzCodes.Failed),
        _ => (DigiflazzCodes.WrongNumber, null),
    };
}
