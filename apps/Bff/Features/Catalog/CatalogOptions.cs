using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Bff.Features.Catalog;

/// <summary>Section <c>Catalog</c> as the BFF reads it.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>How long a search or suggestion answer is served from <see cref="SearchCache"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SearchCacheFor { get; set; } = TimeSpan.FromSeconds(30);
}
