using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Kernel;

/// <summary>Catalog settings from configuration section <c>Catalog</c>.</summary>
public sealed class CatalogSettings
{
    /// <summary>An offer not confirmed by its supplier for longer than this is shown as stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// PostgreSQL's statement_timeout for searches by words, whose fuzzy matching a hostile query could make slow: a
    /// search ends by then, whatever it was asked (suggestions get the same bound, to the second).
    /// </summary>
    public TimeSpan SearchStatementTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How many searches run in PostgreSQL at once; more wait for a connection. Beyond about two per core the
    /// database only shares its cores among them, and a heavy search then holds up every light one: on two cores
    /// under 16 shoppers, four at once halved the slowest 1% of searches (121-141 ms to 65-69 ms) against a pool of 100.
    /// </summary>
    public int SearchConnections { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>
    /// How long a search's facet counts are reused for other sorts and pages of it (Features/Search/SearchFacetCache);
    /// zero counts them for every search.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SearchFacetsFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How a product page measures each offer's usual time from payment to key.</summary>
    public DeliveryTimeSettings DeliveryTime { get; set; } = new();
}
