namespace GamesDrop.Suppliers.Adapters;

/// <summary>
/// The suppliers this deployment trades with: the registered adapters whose configuration enables them
/// (<c>Suppliers:&lt;Name&gt;:Enabled</c>); none trades until configured to.
/// </summary>
public sealed class SupplierRegistry(IEnumerable<ISupplier> suppliers, IConfiguration configuration)
{
    public IReadOnlyList<ISupplier> Enabled => suppliers
        .Where(s => configuration.GetValue($"Suppliers:{s.Name}:Enabled", false))
        .ToList();

    public ISupplier? Find(string code) => Enabled.FirstOrDefault(s => s.Code == code);
}
