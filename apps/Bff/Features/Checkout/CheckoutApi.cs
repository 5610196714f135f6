using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Cart;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Checkout;

/// <summary>
/// Checkout for the caller's own cart, signed in or as a guest with an email: the order is placed at today's prices, its
/// checkout workflow started, and the shopper sent to PayPal. The cart is emptied only once the payment is captured, so a
/// cancel on PayPal comes back to the cart as it was.
/// </summary>
public static class CheckoutApi
{
    public const string ReceiptCookie = "gd_receipt";

    /// <summary>A random id this browser keeps for two years, so the fraud checks can tell one device's orders apart.</summary>
    public const string DeviceCookie = "gd_device";

    public static RouteGroupBuilder MapCheckout(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/checkout").WithTags("Checkout").AllowAnonymous();
        group.MapPost("", StartAsync).AddEndpointFilter<CartOwnerFilter>().RequireRateLimiting(CartRateLimits.Writes);
        group.MapGet("/region-warning", RegionWarningAsync).AddEndpointFilter<CartOwnerFilter>();
        group.MapGet("/{orderId}", GetAsync);
        // The PayPal order id in the body is the proof: only the buyer sent back from PayPal has it.
        group.MapPost("/{orderId}/return", ReturnAsync).RequireRateLimiting(CartRateLimits.Writes);
        group.MapPost("/{orderId}/cancel", CancelAsync).RequireRateLimiting(CartRateLimits.Writes);
        return routes;
    }

    private static async Task<Results<Created<CheckoutStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartCheckout body, HttpContext http, CartOwners owners, KernelClient kernel, CheckoutClient checkout,
        CancellationToken ct)
    {
        var owner = http.Features.GetRequiredFeature<CartOwner>();
        var userId = http.Features.Get<CurrentSession>()?.Session.UserId;
        var email = userId is { } id ? (await kernel.GetUserAsync(id, ct)).Value?.Email : body.Email?.Trim();
        if (email is null || !IsEmail(email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Enter the email address your receipt should go to."] });
        }
        var cart = await owners.Cart(owner).GetAsync();
        if (cart.Lines.Count == 0)
        {
            return TypedResults.Problem("Add a game to your cart before checking out.", title: "Your cart is empty", statusCode: StatusCodes.Status409Conflict);
        }

        var placed = await kernel.PlaceOrderAsync(new CreateOrder(userId, email, owner.ActorId,
            [.. cart.Lines.Select(l => new CreateOrderLine(l.Slug, l.Quantity))], ClientIp(http), DeviceId(http)), ct);
        if (placed.Value is not { } order)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(placed.Errors ?? new Dictionary<string, string[]>())
            {
                Title = "Some items can no longer be bought",
                Status = StatusCodes.Status409Conflict,
            });
        }
        var state = await checkout.StartAsync(order.OrderId, ct);
        if (state.ApproveUrl is null)
        {
            if (state.RegionRefusal is { } region)
            {
                return TypedResults.Problem("Remove it from your cart, or change your country in your account if it is wrong.",
                    title: region, statusCode: StatusCodes.Status409Conflict);
            }
            if (state.Refused)
            {
                // The storefront shows the title.
                return TypedResults.Problem("If you think this is a mistake, please contact us.",
                    title: "We could not accept this order. Nothing was charged.", statusCode: StatusCodes.Status409Conflict);
            }
            if (state.Status is "cancelled" or "failed")
            {
                return TypedResults.Problem("Some items in your cart sold out just now. Please review your cart.",
                    title: "Not enough stock", statusCode: StatusCodes.Status409Conflict);
            }
            http.Response.Headers.RetryAfter = "10";
            return TypedResults.Problem("We could not reach PayPal just now. Your cart is unchanged; please try again in a moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var receiptUrl = userId is null ? "/receipt/" + order.ReceiptToken : $"/account/orders/{order.OrderId}";
        if (userId is null)
        {
            var cookie = SessionCookie.Options(http.Request);
            cookie.MaxAge = TimeSpan.FromDays(1);
            http.Response.Cookies.Append(ReceiptCookie, order.ReceiptToken, cookie);
        }
        return TypedResults.Created(receiptUrl, new CheckoutStarted(order.OrderId, order.Number, state.ApproveUrl, receiptUrl));
    }

    /// <summary>
    /// For the checkout review, before the PayPal page: which games in the cart would not activate in the country of the
    /// signed-in shopper's account (checkout refuses them before any payment). Nothing for a guest or an account without one.
    /// </summary>
    private static async Task<Ok<RegionWarning>> RegionWarningAsync(
        HttpContext http, CartOwners owners, KernelClient kernel, CancellationToken ct)
    {
        var owner = http.Features.GetRequiredFeature<CartOwner>();
        var country = http.Features.Get<CurrentSession>()?.Session.UserId is { } id ? (await kernel.GetUserAsync(id, ct)).Value?.Country : null;
        if (country is null)
        {
            return TypedResults.Ok(new RegionWarning(null, null, []));
        }
        var cart = await CartView.PricedAsync(await owners.Cart(owner).GetAsync(), owner, kernel, ct);
        var misfits = cart.Lines.Where(l => l.Region.Length > 0 && !ActivationRegions.Activates(l.Region, country)).ToList();
        return TypedResults.Ok(misfits.Count == 0
            ? new RegionWarning(country, null, [])
            : new RegionWarning(country, ActivationRegions.Mismatch(misfits.Select(l => (l.Title, (string?)l.Region)), country, "in your account"),
                [.. misfits.Select(l => l.Slug)]));
    }

    private static async Task<Results<Ok<CheckoutState>, NotFound>> GetAsync(
        Guid orderId, HttpContext http, KernelClient kernel, CheckoutClient checkout, CancellationToken ct) =>
        await ReceiptUrlAsync(orderId, http, kernel, ct) is not null && (await checkout.GetAsync(orderId, ct)).Value is { } state
            ? TypedResults.Ok(state)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CheckoutReturned>, NotFound>> ReturnAsync(
        Guid orderId, PayPalReturn body, HttpContext http, KernelClient kernel, CheckoutClient checkout, CancellationToken ct)
    {
        if ((await checkout.ReturnAsync(orderId, body.Token, approved: true, ct)).Status == HttpStatusCode.NotFound)
        {
            return TypedResults.NotFound();
        }
        return await ReceiptUrlAsync(orderId, http, kernel, ct) is { } url ? TypedResults.Ok(new CheckoutReturned(url)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok, NotFound>> CancelAsync(Guid orderId, PayPalReturn body, CheckoutClient checkout, CancellationToken ct) =>
        (await checkout.ReturnAsync(orderId, body.Token, approved: false, ct)).Status == HttpStatusCode.NotFound ? TypedResults.NotFound() : TypedResults.Ok();

    // The caller's own order: the signed-in user's, or the one whose receipt token this browser was given at checkout.
    private static async Task<string?> ReceiptUrlAsync(Guid orderId, HttpContext http, KernelClient kernel, CancellationToken ct)
    {
        await http.AuthenticateAsync(SessionAuthentication.Scheme);
        if (http.Features.Get<CurrentSession>()?.Session.UserId is { } userId
            && (await kernel.GetOrderAsync(orderId, ct)).Value is { } owner && owner.UserId == userId)
        {
            return $"/account/orders/{orderId}";
        }
        if (http.Request.Cookies[ReceiptCookie] is { Length: > 0 and <= 100 } token
            && (await kernel.ReceiptByTokenAsync(token, ct)).Value is { } receipt && receipt.OrderId == orderId)
        {
            return "/receipt/" + token;
        }
        return null;
    }

    // Behind the web server and nginx this is the shopper's address: forwarded headers are taken from trusted proxies only.
    private static string? ClientIp(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;

    // The browser's device id, or a new one it is given now; a value that is not ours is replaced.
    private static string DeviceId(HttpContext http)
    {
        if (http.Request.Cookies[DeviceCookie] is { Length: DeviceIdLength } known && known.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return known;
        }
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var cookie = SessionCookie.Options(http.Request);
        cookie.MaxAge = TimeSpan.FromDays(730);
        http.Response.Cookies.Append(DeviceCookie, id, cookie);
        return id;
    }

    private const int DeviceIdLength = 43;

    private static bool IsEmail(string value) =>
        value.Length <= 254 && !value.Any(char.IsControl) && MailAddress.TryCreate(value, out var address) && address.Address == value;
}

// Optional members default to null: the JSON options respect required constructor parameters, so without a default an
// absent "email" or "payerId" would be a 400 although the contract makes both optional. The email's length is checked by
// IsEmail, so a long one is refused under errors.email like any other bad address.
// Its one member is optional, so only refusing unknown members tells a wrong body (a typo, another endpoint's) from "{}".
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StartCheckout(string? Email = null);

public sealed record CheckoutStarted(Guid OrderId, string Number, string ApproveUrl, string ReceiptUrl);

public sealed record CheckoutReturned(string ReceiptUrl);

/// <param name="Country">The account's country, when the shopper is signed in and gave one.</param>
/// <param name="Message">Which games would not activate there, in plain words; null when all of them do.</param>
/// <param name="Slugs">Those games.</param>
public sealed record RegionWarning(string? Country, string? Message, IReadOnlyList<string> Slugs);

public sealed record PayPalReturn([property: Required, StringLength(64, MinimumLength = 1)] string Token, [property: StringLength(64)] string? PayerId = null);
