namespace GamesDrop.Sandbox.Catalog;

/// <summary>The generated catalog with the lookups the simulators need; immutable, so it is shared without locks.</summary>
internal sealed class DemoCatalog
{
    private readonly Dictionary<int, Game> _byKinguinId;
    private readonly Dictionary<string, Game> _byProductId;
    private readonly Dictionary<string, Game> _bySku;

    public DemoCatalog(Game[] games)
    {
        Games = games;
        Kinguin = [.. games.Where(g => g.Kinguin is not null)];
        Digiflazz = [.. games.Where(g => g.Digiflazz is not null)];
        _byKinguinId = Kinguin.ToDictionary(g => g.Kinguin!.KinguinId);
        _byProductId = Kinguin.ToDictionary(g => g.Kinguin!.ProductId, StringComparer.OrdinalIgnoreCase);
        _bySku = Digiflazz.ToDictionary(g => g.Digiflazz!.Sku, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Game> Games { get; }

    /// <summary>Products Kinguin lists, in kinguinId order.</summary>
    public IReadOnlyList<Game> Kinguin { get; }

    /// <summary>Products Digiflazz lists, in catalog order.</summary>
    public IReadOnlyList<Game> Digiflazz { get; }

    public Game? ById(int id) => id >= 0 && id < Games.Count ? Games[id] : null;

    public Game? ByKinguinId(int kinguinId) => _byKinguinId.GetValueOrDefault(kinguinId);

    public Game? ByProductId(string productId) => _byProductId.GetValueOrDefault(productId);

    public Game? BySku(string sku) => _bySku.GetValueOrDefault(sku);
}
