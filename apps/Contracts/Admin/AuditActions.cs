namespace GamesDrop.Contracts.Admin;

/// <summary>What an admin can do that the audit records, and what it touched.</summary>
public static class AuditActions
{
    public const string Refund = "order-refund";
    public const string Approve = "order-approve";
    public const string Deny = "order-deny";
    public const string RevealKey = "order-reveal-key";
    public const string ResendKeys = "order-resend-keys";
    public const string FulfilByHand = "order-fulfil-by-hand";
    public const string ClaimReplace = "claim-replace";
    public const string ClaimRefund = "claim-refund";
    public const string ClaimReject = "claim-reject";
    public const string NotificationResend = "notification-resend";
    public const string ChangeSettings = "settings-change";
    public const string InventoryUpload = "inventory-upload";
    public const string SupplierEnable = "supplier-enable";
    public const string SupplierDisable = "supplier-disable";
    public const string SupplierSync = "supplier-sync";
    public const string UserGrantAdmin = "user-grant-admin";
    public const string UserRevokeAdmin = "user-revoke-admin";

    /// <summary>Every action, in the order the audit page offers them as filters (it reads them from the audit's answer).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Refund, Approve, Deny, RevealKey, ResendKeys, FulfilByHand, ClaimReplace, ClaimRefund, ClaimReject, NotificationResend, ChangeSettings,
        InventoryUpload, SupplierEnable, SupplierDisable, SupplierSync, UserGrantAdmin, UserRevokeAdmin,
    ];

    public const string Order = "order";
    public const string User = "user";
    public const string Setting = "setting";
    public const string Notification = "notification";
    public const string Inventory = "inventory";
    public const string Supplier = "supplier";

    public static readonly IReadOnlySet<string> TargetTypes = new HashSet<string> { Order, User, Setting, Notification, Inventory, Supplier };
}
