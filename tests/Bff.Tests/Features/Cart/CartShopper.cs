using System.Net.Http.Json;
using System.Text.Json;

namespace GamesDrop.Bff.Tests.Features.Cart;

/// <summary>Cart calls as the storefront makes them: the CSRF token from the last cart read goes on every write.</summary>
internal static class CartShopper
{
    public static async Task<JsonElement> CartAsync(this Shopper shopper)
    {
        var response = await shopper.Http.GetAsync("/bff/api/cart");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> AddToCartAsync(this Shopper shopper, string slug, int quantity = 1, string? token = null) =>
        await SendAsync(shopper, HttpMethod.Post, "/bff/api/cart/items", new { slug, quantity }, token ?? await TokenAsync(shopper));

    public static async Task<HttpResponseMessage> SetQuantityAsync(this Shopper shopper, string slug, int quantity) =>
        await SendAsync(shopper, HttpMethod.Put, "/bff/api/cart/items/" + slug, new { quantity }, await TokenAsync(shopper));

    public static async Task<HttpResponseMessage> RemoveFromCartAsync(this Shopper shopper, string slug) =>
        await SendAsync(shopper, HttpMethod.Delete, "/bff/api/cart/items/" + slug, null, await TokenAsync(shopper));

    public static async Task<string> TokenAsync(this Shopper shopper) => (await shopper.CartAsync()).GetProperty("csrfToken").GetString()!;

    public static IEnumerable<(string Slug, int Quantity)> Lines(this JsonElement cart) =>
        cart.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("slug").GetString()!, l.GetProperty("quantity").GetInt32()));

    public static string? CartCookie(this Shopper shopper) => shopper.Cookies.GetAllCookies().FirstOrDefault(c => c.Name == "gd_cart")?.Value;

    private static Task<HttpResponseMessage> SendAsync(Shopper shopper, HttpMethod method, string path, object? body, string? token)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-Token", token);
        }
        return shopper.Http.SendAsync(request);
    }
}
