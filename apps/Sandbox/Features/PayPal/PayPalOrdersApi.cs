using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>Orders v2: create, read, capture or authorize. Writes answer 201, or 200 when a PayPal-Request-Id repeats.</summary>
internal static class PayPalOrdersApi
{
    public const string RequestIdHeader = "PayPal-Request-Id";
    public const int MaxRequestIdLength = 108;

    public static RouteGroupBuilder MapPayPalOrders(this RouteGroupBuilder paypal)
    {
        paypal.MapPost("/v2/checkout/orders", Create).Accepts<CreateOrderBody>("application/json");
        paypal.MapGet("/v2/checkout/orders/{id}", Get);
        paypal.MapPost("/v2/checkout/orders/{id}/capture", Capture);
        paypal.MapPost("/v2/checkout/orders/{id}/authorize", Authorize);
        return paypal;
    }

    private static Results<JsonHttpResult<OrderView>, JsonHttpResult<PayPalError>> Create(
        CreateOrderBody? body, HttpRequest http, PayPalOrderBook book,
        [FromHeader(Name = RequestIdHeader)] string? requestId, [FromHeader(Name = "Prefer")] string? prefer)
    {
        var invalid = body is null ? PayPalError.Malformed() : CheckRequestId(requestId) ?? body.Validate();
        return invalid is not null ? invalid.ToResult() : Reply(book.Create(body!, requestId, PayPalLinks.From(http)), prefer);
    }

    private static Results<JsonHttpResult<OrderView>, JsonHttpResult<PayPalError>> Get(string id, HttpRequest http, PayPalOrderBook book) =>
        book.Find(id, PayPalLinks.From(http)) is { } order
            ? TypedResults.Json(order, PayPalJson.Options)
            : PayPalError.NotFound(id).ToResult();

    /// <summary>The body (empty or <c>{}</c>) is not read: the simulated buyer always pays with the PayPal wallet that approved.</summary>
    private static Results<JsonHttpResult<OrderView>, JsonHttpResult<PayPalError>> Capture(
        string id, HttpRequest http, PayPalOrderBook book,
        [FromHeader(Name = RequestIdHeader)] string? requestId, [FromHeader(Name = "Prefer")] string? prefer) =>
        CheckRequestId(requestId) is { } invalid ? invalid.ToResult() : Reply(book.Capture(id, requestId, PayPalLinks.From(http)), prefer);

    /// <summary>Like capture, the body is not read: the approving wallet pays.</summary>
    private static Results<JsonHttpResult<OrderView>, JsonHttpResult<PayPalError>> Authorize(
        string id, HttpRequest http, PayPalOrderBook book,
        [FromHeader(Name = RequestIdHeader)] string? requestId, [FromHeader(Name = "Prefer")] string? prefer) =>
        CheckRequestId(requestId) is { } invalid ? invalid.ToResult() : Reply(book.Authorize(id, requestId, PayPalLinks.From(http)), prefer);

    public static PayPalError? CheckRequestId(string? requestId) => requestId?.Length > MaxRequestIdLength
        ? PayPalError.Invalid("INVALID_STRING_MAX_LENGTH", $"PayPal-Request-Id is longer than {MaxRequestIdLength} characters.", RequestIdHeader, "header")
        : null;

    private static Results<JsonHttpResult<OrderView>, JsonHttpResult<PayPalError>> Reply(Outcome<OrderView> outcome, string? prefer)
    {
        if (outcome.Error is { } error)
        {
            return error.ToResult();
        }
        var full = prefer?.Contains("return=representation", StringComparison.OrdinalIgnoreCase) == true;
        return TypedResults.Json(full ? outcome.Value! : PayPalViews.Minimal(outcome.Value!), PayPalJson.Options,
            statusCode: outcome.Replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }
}
