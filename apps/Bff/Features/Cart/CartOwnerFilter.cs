using System.Security.Cryptography;
using System.Text;
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
        var given = http.Request.Headers[CsrfFilter.Header].ToString();
        if (owner is null || !read && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(owner.CsrfToken), Encoding.UTF8.GetBytes(given)))
        {
            return TypedResults.Problem(
                $"Send the csrfToken from GET /api/cart in header {CsrfFilter.Header}.", statusCode: StatusCodes.Status403Forbidden);
        }
        http.Features.Set(owner);
        return await next(context);
    }
}
