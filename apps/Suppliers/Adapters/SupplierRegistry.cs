namespace GamesDrop.Suppliers.Adapters;

/// <summary>The suppliers this deployment trades with: every registered adapter whose configuration enables it.</summary>
public sealed class SupplierRegistry(IEnumerable<ISupplier> suppliers, IConfiguration configuration)
{
    public IReadOnlyList<ISupplier> Enabled => suppliers
        .Where(s => configuration.GetValue($"Suppliers:{s.Name}:Enabled", true))
        .ToList();

    public ISupplier? Find(string code) => Enabled.FirstOrDefault(s => s.Code == code);
}
