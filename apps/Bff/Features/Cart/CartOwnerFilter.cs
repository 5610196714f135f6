using GamesDrop.Bff.Sessions;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>
/// Finds the caller's cart for the cart endpoints (a read may start one) and refuses writes whose X-CSRF-Token is not that
/// cart's token. Handlers take the result from <see cref="HttpContext.Features"/>.
/// </summary>
public sealed class CartOwnerFilter(CartOwners owners) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var read = HttpMethods.IsGet(http.Request.Method);
        var owner = await owners.ResolveAsync(http, issue: read);
        if (owner is null || !read && !CsrfFilter.Carries(http.Request, owner.CsrfToken))
        {
            return CsrfFilter.Refused("the csrfToken from GET /api/cart");
        }
        http.Features.Set(owner);
        return await next(context);
    }
}
