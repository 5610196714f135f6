namespace GamesDrop.Sandbox.Catalog;

/// <summary>
/// One sellable product of the demo catalog: a title in one edition, for one platform and region. A supplier that
/// sells it has a listing; products with both listings are the overlap the store has to match and compare.
/// </summary>
internal sealed record Game(
    int Id,
    string Title,
    Edition Edition,
    Platform Platform,
    Region Region,
    string[] Genres,
    string Developer,
    string Publisher,
    DateOnly ReleaseDate,
    bool IsPreorder,
    int MetacriticScore,
    KinguinListing? Kinguin,
    DigiflazzListing? Digiflazz)
{
    /// <summary>Title with the edition, the standard edition left out: "Iron Legion II Deluxe Edition".</summary>
    public string FullTitle => Edition.IsStandard ? Title : $"{Title} {Edition.Name}";
}
