using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the checkout app: starts an order's checkout and passes on the buyer's return or cancel from PayPal.</summary>
public sealed class CheckoutClient(HttpClient http)
{
    /// <summary>Starts (or finds) the order's checkout and waits until PayPal's approval link exists or the order ended.</summary>
    public async Task<CheckoutState> StartAsync(Guid orderId, CancellationToken ct)
    {
        using var started = await http.PostAsJsonAsync("checkouts", new { orderId }, ct);
        started.EnsureSuccessStatusCode();
        return (await http.GetFromJsonAsync<CheckoutState>($"checkouts/{orderId}?waitForApproval=true", ct))!;
    }

    public async Task<CheckoutState?> GetAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"checkouts/{orderId}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CheckoutState>(ct);
    }

    /// <summary>False when the order has no PayPal payment of that id.</summary>
    public async Task<bool> ReturnAsync(Guid orderId, string payPalOrderId, bool approved, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"checkouts/{orderId}/{(approved ? "return" : "cancel")}", new { token = payPalOrderId }, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>
    /// Staff's decision on a held order, passed to its checkout: null when done, else the status checkout answered (404: no
    /// such order; 409: the order is not held).
    /// </summary>
    public async Task<HttpStatusCode?> ReviewAsync(Guid orderId, bool approved, string decidedBy, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"checkouts/{orderId}/review", new { approved, decidedBy }, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            return response.StatusCode;
        }
        response.EnsureSuccessStatusCode();
        return null;
    }

    /// <summary>
    /// Refunds delivered lines of a finished order (all of them when <paramref name="lineIds"/> is empty): null when done,
    /// else the status checkout answered (404: no such order; 400: lines of another order; 409: nothing refundable).
    /// </summary>
    public async Task<HttpStatusCode?> RefundLinesAsync(Guid orderId, IReadOnlyList<long> lineIds, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"checkouts/{orderId}/refunds", new { lineIds }, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.BadRequest)
        {
            return response.StatusCode;
        }
        response.EnsureSuccessStatusCode();
        return null;
    }

    /// <summary>
    /// A buyer's one-click refund of a line of their order (the caller checked it is theirs): null when PayPal refunded it
    /// (now or before), else checkout's refusal; 404 as a refusal without words.
    /// </summary>
    public async Task<RefundRefusal?> RefundAsync(Guid orderId, long lineId, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("refunds", new { orderId, lineId }, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            var detail = response.StatusCode == HttpStatusCode.Conflict
                ? (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(ct))?.Detail
                : null;
            return new RefundRefusal(response.StatusCode, detail);
        }
        response.EnsureSuccessStatusCode();
        return null;
    }

    /// <summary>Staff replace a claimed key (own stock, else another supplier); 202 while a supplier's key is on its way.</summary>
    public Task<AppAnswer<KeyClaim>> ReplaceClaimAsync(long claimId, Guid resolvedBy, CancellationToken ct) =>
        AppCalls.SendAsync<KeyClaim>(http, HttpMethod.Post, $"claims/{claimId}/replace", new { resolvedBy }, ClaimRefusals, ct);

    /// <summary>Staff refund a claimed key's line to PayPal and close the claim.</summary>
    public Task<AppAnswer<KeyClaim>> RefundClaimAsync(long claimId, Guid resolvedBy, string? note, CancellationToken ct) =>
        AppCalls.SendAsync<KeyClaim>(http, HttpMethod.Post, $"claims/{claimId}/refund", new { resolvedBy, note }, ClaimRefusals, ct);

    // A 400 names the fields refused; a 409 says why the claim cannot be resolved that way.
    private static readonly IReadOnlySet<HttpStatusCode> ClaimRefusals = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest };

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

/// <summary>Why a one-click refund was not made: no such line (404), or the buyer's words for why not (409).</summary>
public sealed record RefundRefusal(HttpStatusCode Status, string? Detail)
{
    public Results<NoContent, NotFound, ProblemHttpResult> ToResult() => Status == HttpStatusCode.NotFound
        ? TypedResults.NotFound()
        : TypedResults.Problem(Detail, title: "This key cannot be refunded in one click", statusCode: StatusCodes.Status409Conflict);

    /// <summary>The answer to the buyer: 204 once refunded, else why not.</summary>
    public static Results<NoContent, NotFound, ProblemHttpResult> Answer(RefundRefusal? refusal) =>
        refusal is null ? TypedResults.NoContent() : refusal.ToResult();
}
