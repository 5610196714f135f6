using GamesDrop.Contracts.Orders;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the kernel's claims: a buyer opens one on a key of their order, staff list and reject them.</summary>
public sealed class KernelClaims(HttpClient http)
{
    /// <summary>The caller has checked the order is the buyer's.</summary>
    public Task<ClaimAnswer> OpenAsync(Guid orderId, long keyId, OpenClaim claim, CancellationToken ct) =>
        ClaimAnswer.SendAsync(http, $"orders/{orderId}/keys/{keyId}/claims", claim, ct);

    public Task<KernelAnswer<IReadOnlyList<KeyClaim>>> ListAsync(string? status, CancellationToken ct) =>
        KernelCalls.SendAsync<IReadOnlyList<KeyClaim>>(http, HttpMethod.Get,
            "claims" + (status is null ? "" : QueryString.Create("status", status).ToUriComponent()), null, WithErrors, ct);

    public Task<KernelAnswer<KeyClaim>> GetAsync(long claimId, CancellationToken ct) =>
        KernelCalls.SendAsync<KeyClaim>(http, HttpMethod.Get, $"claims/{claimId}", null, WithErrors, ct);

    public Task<ClaimAnswer> RejectAsync(long claimId, string note, Guid resolvedBy, CancellationToken ct) =>
        ClaimAnswer.SendAsync(http, $"claims/{claimId}/resolve", new ResolveClaim(ClaimStatuses.Rejected, note, resolvedBy), ct);

    private static readonly IReadOnlySet<System.Net.HttpStatusCode> WithErrors = new HashSet<System.Net.HttpStatusCode> { System.Net.HttpStatusCode.BadRequest };
}
