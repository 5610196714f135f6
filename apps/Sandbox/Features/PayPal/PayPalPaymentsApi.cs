using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// Payments v2: read a capture, refund it in full or in part; read an authorization, capture it once or void it. Writes
/// answer 201 (void: 204, or 200 with <c>Prefer: return=representation</c>), or 200 when a PayPal-Request-Id repeats.
/// </summary>
internal static class PayPalPaymentsApi
{
    public static RouteGroupBuilder MapPayPalPayments(this RouteGroupBuilder paypal)
    {
        paypal.MapGet("/v2/payments/captures/{id}", Get);
        paypal.MapPost("/v2/payments/captures/{id}/refund", Refund).Accepts<RefundBody>("application/json");
        paypal.MapGet("/v2/payments/authorizations/{id}", GetAuthorization);
        paypal.MapPost("/v2/payments/authorizations/{id}/capture", CaptureAuthorization);
        paypal.MapPost("/v2/payments/authorizations/{id}/void", VoidAuthorization);
        return paypal;
    }

    private static Results<JsonHttpResult<CaptureView>, JsonHttpResult<PayPalError>> Get(string id, HttpRequest http, PayPalOrderBook book) =>
        book.FindCapture(id, PayPalLinks.From(http)) is { } capture
            ? TypedResults.Json(capture, PayPalJson.Options)
            : PayPalError.NotFound(id).ToResult();

    private static Results<JsonHttpResult<AuthorizationView>, JsonHttpResult<PayPalError>> GetAuthorization(string id, HttpRequest http, PayPalOrderBook book) =>
        book.FindAuthorization(id, PayPalLinks.From(http)) is { } authorization
            ? TypedResults.Json(authorization, PayPalJson.Options)
            : PayPalError.NotFound(id).ToResult();

    /// <summary>The body (amount, final_capture, invoice_id) is not read: the sandbox captures the full amount, finally.</summary>
    private static Results<JsonHttpResult<CaptureView>, JsonHttpResult<PayPalError>> CaptureAuthorization(
        string id, HttpRequest http, PayPalOrderBook book, [FromHeader(Name = PayPalOrdersApi.RequestIdHeader)] string? requestId)
    {
        if (PayPalOrdersApi.CheckRequestId(requestId) is { } invalid)
        {
            return invalid.ToResult();
        }
        var outcome = book.CaptureAuthorization(id, requestId, PayPalLinks.From(http));
        return outcome.Error is { } error
            ? error.ToResult()
            : TypedResults.Json(outcome.Value!, PayPalJson.Options, statusCode: outcome.Replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    private static Results<NoContent, JsonHttpResult<AuthorizationView>, JsonHttpResult<PayPalError>> VoidAuthorization(
        string id, HttpRequest http, PayPalOrderBook book,
        [FromHeader(Name = PayPalOrdersApi.RequestIdHeader)] string? requestId, [FromHeader(Name = "Prefer")] string? prefer)
    {
        if (PayPalOrdersApi.CheckRequestId(requestId) is { } invalid)
        {
            return invalid.ToResult();
        }
        var outcome = book.VoidAuthorization(id, requestId, PayPalLinks.From(http));
        if (outcome.Error is { } error)
        {
            return error.ToResult();
        }
        return prefer?.Contains("return=representation", StringComparison.OrdinalIgnoreCase) == true
            ? TypedResults.Json(outcome.Value!, PayPalJson.Options)
            : TypedResults.NoContent();
    }

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
