using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Notifications;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the notifier app: notifications that did not go out, sending one again, and an order's receipt mail again.</summary>
public sealed class NotifierClient(HttpClient http)
{
    public async Task<IReadOnlyList<UndeliveredNotification>> UndeliveredAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<List<UndeliveredNotification>>("notifications/undelivered", ct) ?? [];

    /// <summary>False when there is no such notification waiting (unknown, or already sent).</summary>
    public async Task<bool> ResendAsync(long id, CancellationToken ct)
    {
        using var response = await http.PostAsync($"notifications/{id}/resend", null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>Queues the order's receipt mail again; the status says 404 (no such order), 409 (not finished) or 204.</summary>
    public async Task<HttpStatusCode> ResendReceiptAsync(Guid orderId, Guid requestId, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"mail/orders/{orderId}/receipt", new { requestId }, ct);
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Conflict))
        {
            response.EnsureSuccessStatusCode();
        }
        return response.StatusCode;
    }
}
