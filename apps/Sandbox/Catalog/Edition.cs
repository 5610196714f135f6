namespace GamesDrop.Sandbox.Catalog;

/// <summary>An edition and how much more it costs than the standard one; the standard edition is left out of names.</summary>
internal sealed record Edition(string Name, decimal PriceFactor, double Weight)
{
    public static readonly IReadOnlyList<Edition> All =
    [
        new("Standard Edition", 1.0m, 0.55),
        new("Deluxe Edition", 1.4m, 0.14),
        new("Gold Edition", 1.6m, 0.08),
        new("Ultimate Edition", 1.9m, 0.08),
        new("Game of the Year Edition", 1.3m, 0.06),
        new("Complete Edition", 1.5m, 0.05),
        new("Definitive Edition", 1.45m, 0.04),
    ];

    public bool IsStandard => Name == "Standard Edition";
}
