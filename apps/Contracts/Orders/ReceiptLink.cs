namespace GamesDrop.Contracts.Orders;

/// <summary>A guest order's receipt token, in clear this once (the storefront's <c>/receipt/{token}</c>); the kernel keeps its hash.</summary>
public sealed record ReceiptLink(string Token)
{
    public override string ToString() => "ReceiptLink { Token = *** }";
}
