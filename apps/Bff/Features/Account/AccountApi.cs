using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Claims;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Account;

/// <summary>The signed-in shopper's own profile and orders; the user id always comes from the session, never the request.</summary>
public static class AccountApi
{
    public static RouteGroupBuilder MapAccount(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/account").WithTags("Account")
            .RequireAuthorization(SessionAuthentication.Customer).AddEndpointFilter<CsrfFilter>();
        group.MapGet("/profile", GetProfileAsync);
        group.MapPut("/profile", PutProfileAsync);
        group.MapPut("/country", PutCountryAsync);
        group.MapGet("/orders", ListOrdersAsync);
        group.MapGet("/orders/{id}", GetOrderAsync);
        group.MapPost("/orders/{id}/keys/{keyId}/reveal", RevealKeyAsync);
        group.MapPost("/orders/{id}/lines/{lineId}/refund", RefundLineAsync);
        group.MapPost("/orders/{id}/keys/{keyId}/claim", OpenClaimAsync);
        return routes;
    }

    private static async Task<Results<Ok<Profile>, NotFound>> GetProfileAsync(HttpContext http, KernelClient kernel, CancellationToken ct) =>
        ToProfile((await kernel.GetUserAsync(http.UserId(), ct)).Value);

    private static async Task<Results<Ok<Profile>, NotFound>> PutProfileAsync(
        PutProfile body, HttpContext http, KernelClient kernel, CancellationToken ct) =>
        ToProfile((await kernel.PutProfileAsync(http.UserId(), body, ct)).Value);

    // Where the shopper plays: checkout refuses a key that would not activate there before any payment.
    private static async Task<Results<Ok<Profile>, NotFound>> PutCountryAsync(
        PutCountry body, HttpContext http, KernelClient kernel, CancellationToken ct) =>
        ToProfile((await kernel.PutCountryAsync(http.UserId(), body.Country?.Trim().ToUpperInvariant() is { Length: > 0 } c ? c : null, ct)).Value);

    private static async Task<Ok<IReadOnlyList<KernelOrder>>> ListOrdersAsync(HttpContext http, KernelClient kernel, CancellationToken ct) =>
        TypedResults.Ok((await kernel.UserOrdersAsync(http.UserId(), ct)).Value ?? []);

    // The kernel finds an order only among the session user's, so a guessed id is a plain 404.
    private static async Task<Results<Ok<OrderReceipt>, NotFound>> GetOrderAsync(
        Guid id, HttpContext http, KernelClient kernel, CancellationToken ct) =>
        (await kernel.ReceiptAsync(http.UserId(), id, ct)).Value is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();

    // Each reveal is recorded by the kernel; the key is sent to its owner only, and never logged.
    private static async Task<Results<Ok<RevealedKey>, NotFound>> RevealKeyAsync(
        Guid id, long keyId, HttpContext http, KernelClient kernel, CancellationToken ct) =>
        (await kernel.RevealAsync(http.UserId(), id, keyId, ct)).Value is { } key ? TypedResults.Ok(key) : TypedResults.NotFound();

    // One click, to PayPal: only for the session user's own order; checkout refuses a revealed key or a closed window.
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RefundLineAsync(
        Guid id, long lineId, HttpContext http, KernelClient kernel, CheckoutClient checkout, CancellationToken ct) =>
        (await kernel.ReceiptAsync(http.UserId(), id, ct)).Value is null
            ? TypedResults.NotFound()
            : OneClickRefunds.Answer(await checkout.RefundAsync(id, lineId, ct));

    // A revealed key that does not work: only on the session user's own order.
    private static async Task<Results<Ok<BuyerClaim>, Accepted<BuyerClaim>, NotFound, ValidationProblem, ProblemHttpResult>> OpenClaimAsync(
        Guid id, long keyId, ClaimRequest body, HttpContext http, KernelClient kernel, CancellationToken ct) =>
        (await kernel.ReceiptAsync(http.UserId(), id, ct)).Value is null
            ? TypedResults.NotFound()
            : await BuyerClaims.OpenAsync(id, keyId, body, kernel, ct);

    private static Results<Ok<Profile>, NotFound> ToProfile(KernelUser? user) =>
        user is null ? TypedResults.NotFound() : TypedResults.Ok(new Profile(user.Email, user.DisplayName, user.Roles, user.Country));
}

/// <param name="Country">Where the shopper plays (ISO 3166 code), if they said.</param>
public sealed record Profile(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Country);

public sealed record PutProfile([Required, StringLength(100, MinimumLength = 1)] string DisplayName);

/// <param name="Country">Two letters, any case (blank clears it).</param>
public sealed record PutCountry([RegularExpression("^ *([A-Za-z]{2})? *$", ErrorMessage = "Two letters, such as DE or US.")] string? Country);
