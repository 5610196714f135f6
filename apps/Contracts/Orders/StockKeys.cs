namespace GamesDrop.Contracts.Orders;

/// <summary>Own-stock keys for the product <paramref name="Slug"/>; the record does not print them.</summary>
public sealed record AddStockKeys(string Slug, IReadOnlyList<string> Keys)
{
    public override string ToString() => $"AddStockKeys {{ Slug = {Slug}, Keys = {Keys?.Count ?? 0} }}";
}

/// <summary>Keys stored, and keys refused because the vault already had them.</summary>
public sealed record AddedStockKeys(int Added, int Duplicates);
