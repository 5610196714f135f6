using System.Net;
using System.Net.Http.Json;
using GamesDrop.Kernel.Features.Users;

namespace GamesDrop.Kernel.Tests.Features.Wishlist;

/// <summary>Users and wishlist calls the wishlist tests share.</summary>
internal static class WishlistData
{
    public static async Task<Guid> CreateUserAsync(this HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/kernel/users", new { email, password = "correct horse", displayName = email.Split('@')[0] });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<UserAccount>())!.Id;
    }

    public static Task<HttpResponseMessage> PutWishAsync(this HttpClient client, Guid userId, string slug, decimal? targetPrice) =>
        client.PutAsJsonAsync($"/kernel/users/{userId}/wishlist/{slug}", new { targetPrice });
}
