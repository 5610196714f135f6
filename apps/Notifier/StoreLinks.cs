using Microsoft.Extensions.Options;

namespace GamesDrop.Notifier;

/// <summary>Links into the store (<c>Store:PublicUrl</c>, the storefront's address), for mails and alerts.</summary>
public sealed class StoreLinks(IOptions<NotifierStoreOptions> store)
{
    private Uri PublicUrl { get; } = new(store.Value.PublicUrl.TrimEnd('/') + "/");

    public string To(string path) => new Uri(PublicUrl, path.TrimStart('/')).ToString();

    public string AdminOrder(Guid orderId) => To($"admin/orders/{orderId}");

    public string AdminClaims() => To("admin/claims");

    public string AdminSupplier(string supplier) => To($"admin/suppliers/{Uri.EscapeDataString(supplier)}");

    public string AdminProduct(string slug) => To($"admin/products/{Uri.EscapeDataString(slug)}");

    public string AccountOrder(Guid orderId) => To($"account/orders/{orderId}");

    public string Receipt(string token) => To($"receipt/{Uri.EscapeDataString(token)}");
}
