using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Catalog;

/// <summary>Section <c>Sandbox:Catalog</c>: the size and seed of the demo catalog both suppliers sell from.</summary>
internal sealed class CatalogOptions
{
    public const string Section = "Sandbox:Catalog";

    /// <summary>Products across both suppliers; 100 000 and more for benchmarks.</summary>
    [Range(1, 2_000_000)]
    public int Products { get; set; } = 600;

    /// <summary>The same seed gives the same catalog, so demos and tests can name products.</summary>
    public int Seed { get; set; } = 20261126;
}
