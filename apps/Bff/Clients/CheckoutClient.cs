using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Clients;

/// <summary>
/// Typed client for the checkout app: starts an order's checkout, passes on the buyer's return or cancel from PayPal,
/// staff's review and refund decisions and buyers' one-click refunds. Every answer is read as <see cref="AppAnswer{T}"/>.
/// </summary>
public sealed class CheckoutClient(HttpClient http)
{
    private static readonly IReadOnlySet<HttpStatusCode> NoFieldErrors = new HashSet<HttpStatusCode>();

    // A 400 names the fields refused; a 409 says why the claim or the refund cannot be done that way.
    private static readonly IReadOnlySet<HttpStatusCode> FieldErrors = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest };

    /// <summary>Starts (or finds) the order's checkout and waits until PayPal's approval link exists or the order ended.</summary>
    public async Task<CheckoutState> StartAsync(Guid orderId, CancellationToken ct)
    {
        var started = await AppCalls.SendAsync<object>(http, HttpMethod.Post, "checkouts", new { orderId }, NoFieldErrors, ct);
        var state = started.Status == HttpStatusCode.Accepted ? (await GetAsync(orderId, waitForApproval: true, ct)).Value : null;
        return state ?? throw new HttpRequestException($"The checkout app found no order {orderId} to check out.", null, HttpStatusCode.NotFound);
    }

    /// <summary>The order's checkout; 404 when it has none.</summary>
    public Task<AppAnswer<CheckoutState>> GetAsync(Guid orderId, CancellationToken ct) => GetAsync(orderId, waitForApproval: false, ct);

    private Task<AppAnswer<CheckoutState>> GetAsync(Guid orderId, bool waitForApproval, CancellationToken ct) =>
        AppCalls.SendAsync<CheckoutState>(http, HttpMethod.Get, $"checkouts/{orderId}{(waitForApproval ? "?waitForApproval=true" : "")}", null, NoFieldErrors, ct);

    /// <summary>The buyer came back from PayPal, approving or cancelling; 404 when the order has no PayPal payment of that id.</summary>
    public Task<AppAnswer<object>> ReturnAsync(Guid orderId, string payPalOrderId, bool approved, CancellationToken ct) =>
        AppCalls.SendAsync<object>(http, HttpMethod.Post, $"checkouts/{orderId}/{(approved ? "return" : "cancel")}", new { token = payPalOrderId }, NoFieldErrors, ct);

    /// <summary>Staff's decision on a held order, passed to its checkout: 404 no such order, 409 the order is not held.</summary>
    public Task<AppAnswer<object>> ReviewAsync(Guid orderId, bool approved, string decidedBy, CancellationToken ct) =>
        AppCalls.SendAsync<object>(http, HttpMethod.Post, $"checkouts/{orderId}/review", new { approved, decidedBy }, NoFieldErrors, ct);

    /// <summary>
    /// Refunds delivered lines of a finished order (all of them when <paramref name="lineIds"/> is empty): 404 no such
    /// order, 400 lines of another order, 409 nothing refundable.
    /// </summary>
    public Task<AppAnswer<object>> RefundLinesAsync(Guid orderId, IReadOnlyList<long> lineIds, CancellationToken ct) =>
        AppCalls.SendAsync<object>(http, HttpMethod.Post, $"checkouts/{orderId}/refunds", new { lineIds }, FieldErrors, ct);

    /// <summary>
    /// A buyer's one-click refund of a line of their order (the caller checked it is theirs): 2xx when PayPal refunded it
    /// (now or before), 404 no such line, 409 with the buyer's words for why not.
    /// </summary>
    public Task<AppAnswer<object>> RefundAsync(Guid orderId, long lineId, CancellationToken ct) =>
        AppCalls.SendAsync<object>(http, HttpMethod.Post, "refunds", new { orderId, lineId }, NoFieldErrors, ct);

    /// <summary>Staff replace a claimed key (own stock, else another supplier); 202 while a supplier's key is on its way.</summary>
    public Task<AppAnswer<KeyClaim>> ReplaceClaimAsync(long claimId, Guid resolvedBy, CancellationToken ct) =>
        AppCalls.SendAsync<KeyClaim>(http, HttpMethod.Post, $"claims/{claimId}/replace", new { resolvedBy }, FieldErrors, ct);

    /// <summary>Staff refund a claimed key's line to PayPal and close the claim.</summary>
    public Task<AppAnswer<KeyClaim>> RefundClaimAsync(long claimId, Guid resolvedBy, string? note, CancellationToken ct) =>
        AppCalls.SendAsync<KeyClaim>(http, HttpMethod.Post, $"claims/{claimId}/refund", new { resolvedBy, note }, FieldErrors, ct);

    /// <summary>Passes a PayPal webhook on exactly as received; the checkout app's status code is PayPal's answer.</summary>
    public async Task<int> ForwardWebhookAsync(string body, IReadOnlyDictionary<string, string> paypalHeaders, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "paypal/webhook")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in paypalHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(request, ct);
        return (int)response.StatusCode;
    }
}

/// <param name="Refused">The store's checks refused the order; nothing was charged.</param>
/// <param name="RegionRefusal">Which key would not activate where the buyer plays, in their words; nothing was charged.</param>
public sealed record CheckoutState(Guid OrderId, string Status, string? ApproveUrl, bool Refused = false, string? RegionRefusal = null);

/// <summary>The buyer's answer to a one-click refund: 204 once refunded, 404 no such line, else why not in their words.</summary>
public static class OneClickRefunds
{
    public static Results<NoContent, NotFound, ProblemHttpResult> Answer(AppAnswer<object> refund) => refund.Status switch
    {
        HttpStatusCode.NotFound => TypedResults.NotFound(),
        HttpStatusCode.Conflict => TypedResults.Problem(refund.Detail, title: "This key cannot be refunded in one click", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.NoContent(),
    };
}
