using System.Text.RegularExpressions;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Cart;
using GamesDrop.Bff.Features.Claims;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Receipts;

/// <summary>
/// A guest's receipt link: the long random token in the address is the only credential, so it is checked for shape before
/// the kernel is asked, and a wrong one reads exactly like a missing order.
/// </summary>
public static partial class ReceiptsApi
{
    public static RouteGroupBuilder MapReceipts(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/receipts/{token}").WithTags("Receipts").AllowAnonymous();
        group.MapGet("", GetAsync);
        group.MapPost("/keys/{keyId}/reveal", RevealAsync).RequireRateLimiting(CartRateLimits.Writes);
        group.MapPost("/lines/{lineId}/refund", RefundAsync).RequireRateLimiting(CartRateLimits.Writes);
        group.MapPost("/keys/{keyId}/claim", ClaimAsync).RequireRateLimiting(CartRateLimits.Writes);
        return routes;
    }

    private static async Task<Results<Ok<OrderReceipt>, NotFound>> GetAsync(string token, KernelClient kernel, CancellationToken ct) =>
        Token().IsMatch(token) && (await kernel.ReceiptByTokenAsync(token, ct)).Value is { } receipt ? TypedResults.Ok(receipt) : TypedResults.NotFound();

    private static async Task<Results<Ok<RevealedKey>, NotFound>> RevealAsync(string token, long keyId, KernelClient kernel, CancellationToken ct) =>
        Token().IsMatch(token) && (await kernel.RevealByTokenAsync(token, keyId, ct)).Value is { } key ? TypedResults.Ok(key) : TypedResults.NotFound();

    // The token is the credential here too: whoever holds the receipt link may refund its unrevealed keys, to PayPal.
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RefundAsync(
        string token, long lineId, KernelClient kernel, CheckoutClient checkout, CancellationToken ct) =>
        Token().IsMatch(token) && (await kernel.ReceiptByTokenAsync(token, ct)).Value is { } receipt
            ? OneClickRefunds.Answer(await checkout.RefundAsync(receipt.OrderId, lineId, ct))
            : TypedResults.NotFound();

    // And may say that a revealed key does not work.
    private static async Task<Results<Ok<BuyerClaim>, Accepted<BuyerClaim>, NotFound, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        string token, long keyId, ClaimRequest body, KernelClient kernel, CancellationToken ct) =>
        Token().IsMatch(token) && (await kernel.ReceiptByTokenAsync(token, ct)).Value is { } receipt
            ? await BuyerClaims.OpenAsync(receipt.OrderId, keyId, body, kernel, ct)
            : TypedResults.NotFound();

    // 32 random bytes in base64url.
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Token();
}
