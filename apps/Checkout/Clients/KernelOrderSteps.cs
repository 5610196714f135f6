using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Clients;

/// <summary>
/// Typed client for the kernel's order routes, the system of record for every checkout step. Each call is idempotent on
/// the kernel's side, so an activity that runs again (at least once) repeats it safely.
/// </summary>
public sealed class KernelOrderSteps(HttpClient http)
{
    public async Task<CheckoutOrder?> GetAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"orders/{orderId}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CheckoutOrder>(ct);
    }

    public Task<ReserveResult> ReserveAsync(Guid orderId, CancellationToken ct) =>
        PostAsync<ReserveResult>($"orders/{orderId}/reserve", new { }, ct);

    /// <summary>The kernel's fraud check: before payment without a payer, again with PayPal's payer id once approved.</summary>
    public Task<FraudVerdict> CheckFraudAsync(Guid orderId, string? payerId, CancellationToken ct) =>
        PostAsync<FraudVerdict>($"orders/{orderId}/fraud-check", new CheckFraud(payerId), ct);

    /// <summary>The kernel's region check: before payment against the account's country, before capture against PayPal's payer's.</summary>
    public Task<RegionVerdict> CheckRegionAsync(Guid orderId, string? payerCountry, CancellationToken ct) =>
        PostAsync<RegionVerdict>($"orders/{orderId}/region-check", new CheckRegion(payerCountry), ct);

    public Task ReleaseAsync(Guid orderId, string status, string reason, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/release", new { status, reason }, ct);

    public Task RecordPaymentAsync(Guid orderId, string providerOrderId, string approveUrl, decimal amount, string currency, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/payment", new { providerOrderId, approveUrl, amount, currency }, ct);

    public Task RecordCaptureAsync(Guid orderId, string providerOrderId, string captureId, decimal amount, string currency, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/payment/captured", new { providerOrderId, captureId, amount, currency }, ct);

    public Task RecordAuthorizationAsync(Guid orderId, string providerOrderId, string authorizationId, DateTimeOffset reviewBy, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/payment/authorized", new RecordAuthorization(providerOrderId, authorizationId, reviewBy), ct);

    public Task RecordReviewAsync(Guid orderId, string outcome, string decidedBy, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/review", new RecordReview(outcome, decidedBy), ct);

    public Task<FulfilResult> FulfilFromStockAsync(Guid orderId, long lineId, CancellationToken ct) =>
        PostAsync<FulfilResult>($"orders/{orderId}/lines/{lineId}/fulfil-from-stock", new { }, ct);

    public async Task<IReadOnlyList<SupplierCandidate>> CandidatesAsync(Guid orderId, long lineId, CancellationToken ct) =>
        await http.GetFromJsonAsync<IReadOnlyList<SupplierCandidate>>($"orders/{orderId}/lines/{lineId}/candidates", ct) ?? [];

    public Task StoreKeysAsync(Guid orderId, long lineId, DeliverKeys keys, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/lines/{lineId}/keys", keys, ct);

    public Task FailLineAsync(Guid orderId, long lineId, string reason, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/lines/{lineId}/failed", new { reason }, ct);

    public Task RecordRefundAsync(Guid orderId, string refundId, decimal amount, string currency, IReadOnlyList<long> lineIds, CancellationToken ct) =>
        PostAsync<object>($"orders/{orderId}/refunds", new { refundId, amount, currency, lineIds }, ct);

    /// <summary>
    /// The kernel accepts (or refuses, with the buyer's words) a one-click refund of a line; once accepted its keys cannot be
    /// revealed. Null when there is no such line.
    /// </summary>
    public Task<KernelAnswer<OneClickRefund>?> AcceptRefundAsync(Guid orderId, long lineId, CancellationToken ct) =>
        AnswerAsync<OneClickRefund>(HttpMethod.Post, $"orders/{orderId}/lines/{lineId}/one-click-refund", new { }, "This key cannot be refunded in one click.", ct);

    public async Task<KeyClaim?> ClaimAsync(long claimId, CancellationToken ct) =>
        (await AnswerAsync<KeyClaim>(HttpMethod.Get, $"claims/{claimId}", null, "", ct))?.Value;

    /// <summary>The claim replaced (from own stock when <see cref="ReplaceClaim.Keys"/> is null: still open if it had none), or why not.</summary>
    public Task<KernelAnswer<KeyClaim>?> ReplaceClaimAsync(long claimId, ReplaceClaim replacement, CancellationToken ct) =>
        AnswerAsync<KeyClaim>(HttpMethod.Post, $"claims/{claimId}/replacement", replacement, "The claim cannot be replaced.", ct);

    public Task<KernelAnswer<KeyClaim>?> ResolveClaimAsync(long claimId, ResolveClaim resolution, CancellationToken ct) =>
        AnswerAsync<KeyClaim>(HttpMethod.Post, $"claims/{claimId}/resolve", resolution, "The claim cannot be closed.", ct);

    // The kernel's 409 carries its refusal in words; null answers a 404.
    private async Task<KernelAnswer<T>?> AnswerAsync<T>(HttpMethod method, string path, object? body, string refusal, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(ct);
            return new KernelAnswer<T>(default, problem?.Detail ?? refusal);
        }
        response.EnsureSuccessStatusCode();
        return new KernelAnswer<T>(await response.Content.ReadFromJsonAsync<T>(ct), null);
    }

    public Task CompleteAsync(Guid orderId, CancellationToken ct) => PostAsync<object>($"orders/{orderId}/complete", new { }, ct);

    public async Task<IReadOnlyList<StuckOrder>> StuckAsync(TimeSpan olderThan, CancellationToken ct) =>
        await http.GetFromJsonAsync<IReadOnlyList<StuckOrder>>($"orders/stuck?olderThanSeconds={(int)olderThan.TotalSeconds}", ct) ?? [];

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength == 0 ? default! : (await response.Content.ReadFromJsonAsync<T>(ct))!;
    }
}

/// <summary>A kernel write's answer: its value, or why it was refused (in the buyer's words).</summary>
public sealed record KernelAnswer<T>(T? Value, string? Refusal);
