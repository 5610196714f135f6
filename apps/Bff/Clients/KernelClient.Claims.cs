using GamesDrop.Contracts.Orders;

namespace GamesDrop.Bff.Clients;

// The kernel's claims: a buyer opens one on a key of their order, staff list and reject them.
public sealed partial class KernelClient
{
    /// <summary>The caller has checked the order is the buyer's.</summary>
    public Task<AppAnswer<KeyClaim>> OpenClaimAsync(Guid orderId, long keyId, OpenClaim claim, CancellationToken ct) =>
        SendAsync<KeyClaim>(HttpMethod.Post, $"orders/{orderId}/keys/{keyId}/claims", claim, ct);

    public Task<AppAnswer<IReadOnlyList<KeyClaim>>> ListClaimsAsync(string? status, CancellationToken ct) =>
        SendAsync<IReadOnlyList<KeyClaim>>(HttpMethod.Get,
            "claims" + (status is null ? "" : QueryString.Create("status", status).ToUriComponent()), null, ct);

    public Task<AppAnswer<KeyClaim>> GetClaimAsync(long claimId, CancellationToken ct) =>
        SendAsync<KeyClaim>(HttpMethod.Get, $"claims/{claimId}", null, ct);

    public Task<AppAnswer<KeyClaim>> RejectClaimAsync(long claimId, string note, Guid resolvedBy, CancellationToken ct) =>
        SendAsync<KeyClaim>(HttpMethod.Post, $"claims/{claimId}/resolve", new ResolveClaim(ClaimStatuses.Rejected, note, resolvedBy), ct);
}
