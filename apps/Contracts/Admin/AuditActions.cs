namespace GamesDrop.Contracts.Admin;

/// <summary>What an admin can do that the audit records, and what it touched.</summary>
public static class AuditActions
{
    public const string Refund = "order-refund";
    public const string Approve = "order-approve";
    public const string Deny = "order-deny";
    public const string InventoryUpload = "inventory-upload";
    public const string SupplierEnable = "supplier-enable";
    public const string SupplierDisable = "supplier-disable";
    public const string SupplierSync = "supplier-sync";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Refund, Approve, Deny, InventoryUpload, SupplierEnable, SupplierDisable, SupplierSync };

    public const string Order = "order";
    public const string Inventory = "inventory";
    public const string Supplier = "supplier";

    public static readonly IReadOnlySet<string> TargetTypes = new HashSet<string> { Order, "user", "setting", Inventory, Supplier };
}
