using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>Payments v2: read a capture, refund it in full or in part (201, or 200 when a PayPal-Request-Id repeats).</summary>
internal static class PayPalPaymentsApi
{
    public static RouteGroupBuilder MapPayPalPayments(this RouteGroupBuilder paypal)
    {
        paypal.MapGet("/v2/payments/captures/{id}", Get);
        paypal.MapPost("/v2/payments/captures/{id}/refund", Refund).Accepts<RefundBody>("application/json");
        return paypal;
    }

    private static Results<JsonHttpResult<CaptureView>, JsonHttpResult<PayPalError>> Get(string id, HttpRequest http, PayPalOrderBook book) =>
        book.FindCapture(id, PayPalLinks.From(http)) is { } capture
            ? TypedResults.Json(capture, PayPalJson.Options)
            : PayPalError.NotFound(id).ToResult();

    private static Results<JsonHttpResult<RefundView>, JsonHttpResult<PayPalError>> Refund(
        string id, RefundBody? body, HttpRequest http, PayPalOrderBook book,
        [FromHeader(Name = PayPalOrdersApi.RequestIdHeader)] string? requestId)
    {
        var invalid = body is null ? PayPalError.Malformed() : PayPalOrdersApi.CheckRequestId(requestId) ?? body.Validate();
        if (invalid is not null)
        {
            return invalid.ToResult();
        }
        var outcome = book.Refund(id, body!, requestId, PayPalLinks.From(http));
        return outcome.Error is { } error
            ? error.ToResult()
            : TypedResults.Json(outcome.Value!, PayPalJson.Options, statusCode: outcome.Replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }
}
