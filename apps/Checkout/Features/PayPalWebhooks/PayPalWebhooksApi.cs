using System.Globalization;
using System.Text.Json;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.Features.Refunds;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Checkout.Workflows;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Checkout.Features.PayPalWebhooks;

/// <summary>
/// PayPal's webhook, which the BFF forwards unchanged from its public <c>/api/webhooks/paypal</c> (the edge reaches only the
/// BFF). Every event is verified with PayPal's verify-webhook-signature before anything is done. Repeats (PayPal retries for days,
/// and a captured push can be resent) are recognised by event id, and a transmission too old to be remembered is refused. An
/// approval wakes the order's workflow exactly as the buyer's return does, whichever comes first.
/// </summary>
public static partial class PayPalWebhooksApi
{
    private const int MaxBodyBytes = 64 * 1024;

    public static RouteGroupBuilder MapPayPalWebhooks(this RouteGroupBuilder routes)
    {
        routes.MapPost("/paypal/webhook", ReceiveAsync).WithTags("PayPal");
        return routes;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest>> ReceiveAsync(
        HttpRequest request, PayPalClient paypal, IWorkflowClient workflows, [FromKeyedServices(AppIds.Checkout)] WebhookReplays replays,
        [FromKeyedServices(AppIds.Checkout)] ISecretStore secrets, KernelOrderSteps kernel, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(PayPalWebhooksApi));
        if (request.ContentLength is > MaxBodyBytes)
        {
            return TypedResults.BadRequest();
        }
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync(ct);
        WebhookEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize<WebhookEvent>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }
        if (evt is not { Id.Length: > 0, EventType.Length: > 0 })
        {
            return TypedResults.BadRequest();
        }
        // The transmission time is signed with the body, so a resent push cannot be made to look fresh.
        if (!DateTimeOffset.TryParse(request.Headers["PAYPAL-TRANSMISSION-TIME"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt)
            || !replays.IsFresh(sentAt))
        {
            LogStale(logger, evt.Id, request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Unauthorized();
        }
        if (await secrets.GetAsync(PayPalClient.WebhookIdSecret, ct) is not { Length: > 0 } webhookId
            || !await paypal.VerifyWebhookSignatureAsync(request.Headers, raw, webhookId, ct))
        {
            LogRejected(logger, evt.Id, request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Unauthorized();
        }
        var seenKey = "paypal-" + evt.Id;
        if (await replays.SeenAsync(seenKey, ct))
        {
            LogRepeat(logger, evt.Id, evt.EventType);
            return TypedResults.Ok();
        }
        // An approval of an order this store never started (another store on the same PayPal account) is acknowledged, not
        // failed: PayPal would otherwise retry it for days.
        if (evt.EventType == "CHECKOUT.ORDER.APPROVED" && OurOrderId(evt.Resource) is { } orderId && evt.Resource.TryGetProperty("id", out var id)
            && await workflows.GetAsync(orderId.ToString("D"), ct) is not null)
        {
            await workflows.RaiseEventAsync(orderId.ToString("D"), CheckoutWorkflow.ApprovalEvent,
                new PaymentDecision(true, id.GetString() ?? "", "webhook"), ct);
        }
        // A buyer's one-click refund whose recording did not finish (the request ended after PayPal refunded) is recorded
        // from PayPal's word; the kernel records a refund id once, however often this or the click arrives.
        if (evt.EventType == "PAYMENT.CAPTURE.REFUNDED" && RefundedLine(evt.Resource) is { } refunded)
        {
            await kernel.RecordRefundAsync(refunded.OrderId, refunded.RefundId, refunded.Amount, refunded.Currency, [refunded.LineId], ct);
        }
        LogReceived(logger, evt.Id, evt.EventType);
        await replays.RememberAsync(seenKey, ct);
        return TypedResults.Ok();
    }

    private static (Guid OrderId, long LineId, string RefundId, decimal Amount, string Currency)? RefundedLine(JsonElement refund) =>
        refund.TryGetProperty("custom_id", out var custom) && RefundsApi.LineOf(custom.GetString()) is { } line
        && refund.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } refundId
        && refund.TryGetProperty("amount", out var amount) && amount.TryGetProperty("value", out var value)
        && decimal.TryParse(value.GetString(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var sum)
        && amount.TryGetProperty("currency_code", out var currency) && currency.GetString() is { } code
            ? (line.OrderId, line.LineId, refundId, sum, code)
            : null;

    // Our order id travels as the purchase unit's custom_id.
    private static Guid? OurOrderId(JsonElement order) =>
        order.TryGetProperty("purchase_units", out var units) && units.ValueKind == JsonValueKind.Array && units.GetArrayLength() > 0
        && units[0].TryGetProperty("custom_id", out var custom) && Guid.TryParse(custom.GetString(), out var id) ? id : null;

    private sealed record WebhookEvent(string? Id, [property: System.Text.Json.Serialization.JsonPropertyName("event_type")] string? EventType, JsonElement Resource);

    [LoggerMessage(LogLevel.Warning, "PayPal webhook {EventId} refused: its signature did not verify (from {RemoteIp})")]
    private static partial void LogRejected(ILogger logger, string eventId, string? remoteIp);

    [LoggerMessage(LogLevel.Warning, "PayPal webhook {EventId} refused: its transmission time is missing or too old (from {RemoteIp})")]
    private static partial void LogStale(ILogger logger, string eventId, string? remoteIp);

    [LoggerMessage(LogLevel.Information, "PayPal webhook {EventId} ({EventType}) was already handled")]
    private static partial void LogRepeat(ILogger logger, string eventId, string eventType);

    [LoggerMessage(LogLevel.Information, "PayPal webhook {EventId} ({EventType}) received")]
    private static partial void LogReceived(ILogger logger, string eventId, string eventType);
}
