using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Funnel;
using GamesDrop.Bff.Sessions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>
/// The shopper's cart, open to anonymous shoppers; the cart is always the caller's own (<see cref="CartOwners"/>), never
/// named by the request. Every answer is the whole cart re-priced.
/// </summary>
public static class CartApi
{
    public static RouteGroupBuilder MapCart(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/cart").WithTags("Cart").AllowAnonymous().AddEndpointFilter<CartOwnerFilter>();
        group.MapGet("", GetAsync);
        group.MapGet("/csrf", GetCsrf);
        group.MapGet("/count", CountAsync);
        var writes = group.MapGroup("/items").RequireRateLimiting(CartRateLimits.Writes);
        writes.MapPost("", AddAsync);
        writes.MapPut("/{slug}", SetQuantityAsync);
        writes.MapDelete("/{slug}", RemoveAsync);
        return routes;
    }

    private static async Task<Ok<CartView>> GetAsync(HttpContext http, CartOwners owners, KernelClient kernel, CancellationToken ct)
    {
        var owner = http.Features.GetRequiredFeature<CartOwner>();
        return TypedResults.Ok(await CartView.PricedAsync(await owners.Cart(owner).GetAsync(), owner, kernel, ct));
    }

    // Only the token, for a caller about to write: reading the whole cart would re-price it just to throw it away.
    private static Ok<CsrfToken> GetCsrf(HttpContext http) =>
        TypedResults.Ok(new CsrfToken(http.Features.GetRequiredFeature<CartOwner>().CsrfToken));

    // For the header on every page: the actor's own count, without pricing the cart at the kernel. The token lets the
    // page's forms write to the cart without asking for it first.
    private static async Task<Ok<CartCount>> CountAsync(HttpContext http, CartOwners owners)
    {
        var owner = http.Features.GetRequiredFeature<CartOwner>();
        var cart = await owners.Cart(owner).GetAsync();
        return TypedResults.Ok(new CartCount(cart.Lines.Sum(l => l.Quantity), owner.CsrfToken));
    }

    // The line keeps the price the shopper saw when adding, to show later whether it changed. One kernel lookup prices the
    // added product and the lines already there; only a line another tab added meanwhile makes a second one.
    private static async Task<Results<Ok<CartView>, ProblemHttpResult>> AddAsync(
        AddCartItem body, HttpContext http, CartOwners owners, KernelClient kernel, FunnelCounter funnel, CancellationToken ct)
    {
        var owner = http.Features.GetRequiredFeature<CartOwner>();
        var cart = owners.Cart(owner);
        var slugs = (await cart.GetAsync()).Lines.Select(l => l.Slug).Append(body.Slug).Distinct().ToList();
        var lookup = await kernel.LookupProductsAsync(slugs, ct);
        var product = lookup.Items.SingleOrDefault(p => p.Slug == body.Slug);
        if (product is null)
        {
            return TypedResults.Problem($"There is no product {body.Slug}.", statusCode: StatusCodes.Status404NotFound);
        }
        var price = product.InStock ? product.Price : null;
        var update = await cart.AddAsync(new CartItem(body.Slug, body.Quantity, price));
        if (update.Refusal == CartRefusal.None)
        {
            funnel.AddedToCart();
        }
        return await AnswerAsync(update, contents =>
            contents.Lines.All(l => slugs.Contains(l.Slug))
                ? Task.FromResult(CartView.Priced(contents, owner, lookup))
                : CartView.PricedAsync(contents, owner, kernel, ct));
    }

    private static async Task<Results<Ok<CartView>, ProblemHttpResult>> SetQuantityAsync(
        string slug, SetCartQuantity body, HttpContext http, CartOwners owners, KernelClient kernel, CancellationToken ct)
    {
        var owner = http.Features.GetRequiredFeature<CartOwner>();
        return await AnswerAsync(await owners.Cart(owner).SetQuantityAsync(new LineQuantity(slug, body.Quantity)),
            contents => CartView.PricedAsync(contents, owner, kernel, ct));
    }

    private static async Task<Ok<CartView>> RemoveAsync(string slug, HttpContext http, CartOwners owners, KernelClient kernel, CancellationToken ct)
    {
        var owner = http.Features.GetRequiredFeature<CartOwner>();
        return TypedResults.Ok(await CartView.PricedAsync(await owners.Cart(owner).RemoveAsync(slug), owner, kernel, ct));
    }

    private static async Task<Results<Ok<CartView>, ProblemHttpResult>> AnswerAsync(
        CartUpdate update, Func<CartContents, Task<CartView>> priced) => update.Refusal switch
        {
            CartRefusal.None => TypedResults.Ok(await priced(update.Cart)),
            CartRefusal.NotInCart => TypedResults.Problem("The product is not in the cart.", statusCode: StatusCodes.Status404NotFound),
            CartRefusal.TooManyLines => TypedResults.Problem(
                $"A cart holds at most {CartLimits.MaxLines} products.", statusCode: StatusCodes.Status400BadRequest),
            _ => TypedResults.Problem(
                $"A cart line holds 1 to {CartLimits.MaxQuantity} keys.", statusCode: StatusCodes.Status400BadRequest),
        };
}

public sealed record AddCartItem(
    [Required, RegularExpression("^[a-z0-9-]{1,200}$")] string Slug,
    [Range(1, CartLimits.MaxQuantity)] int Quantity);

public sealed record CartCount(int ItemCount, string CsrfToken);

public sealed record SetCartQuantity([Range(1, CartLimits.MaxQuantity)] int Quantity);
