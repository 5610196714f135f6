namespace GamesDrop.Contracts;

/// <summary>Dapr app ids; the Embedded host maps each under a route group of the same name.</summary>
public static class AppIds
{
    public const string Bff = "bff";
    public const string Kernel = "kernel";
    public const string Checkout = "checkout";
    public const string Suppliers = "suppliers";
    public const string Notifier = "notifier";

    public static readonly IReadOnlyList<string> All = [Bff, Kernel, Checkout, Suppliers, Notifier];
}
