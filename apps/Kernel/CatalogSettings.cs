namespace GamesDrop.Kernel;

/// <summary>Catalog settings from configuration section <c>Catalog</c>.</summary>
public sealed class CatalogSettings
{
    /// <summary>An offer not confirmed by its supplier for longer than this is shown as stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}
