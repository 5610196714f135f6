using System.Net;
using System.Net.Http.Json;
using GamesDrop.Bff.Features.Wishlist;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http;

namespace GamesDrop.Bff.Kernel;

/// <summary>Typed client for the kernel's users, orders and wishlists, the system of record behind sessions and account pages.</summary>
public sealed class KernelAccounts(HttpClient http)
{
    public Task<KernelAnswer<KernelUser>> CreateAsync(object body, CancellationToken ct) => SendAsync<KernelUser>(HttpMethod.Post, "users", body, ct);

    public Task<KernelAnswer<KernelUser>> VerifyPasswordAsync(object body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Post, "users/verify-password", body, ct);

    public Task<KernelAnswer<KernelUserPage>> ListAsync(QueryString query, CancellationToken ct) =>
        SendAsync<KernelUserPage>(HttpMethod.Get, "users" + query, null, ct);

    public Task<KernelAnswer<KernelUser>> GetAsync(Guid id, CancellationToken ct) => SendAsync<KernelUser>(HttpMethod.Get, $"users/{id}", null, ct);

    public Task<KernelAnswer<KernelUser>> PutProfileAsync(Guid id, object body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Put, $"users/{id}/profile", body, ct);

    public Task<KernelAnswer<object>> ChangePasswordAsync(Guid id, object body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Put, $"users/{id}/password", body, ct);

    public Task<KernelAnswer<object>> RequestPasswordResetAsync(object body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, "users/password-resets", body, ct);

    public Task<KernelAnswer<KernelPasswordReset>> ConfirmPasswordResetAsync(object body, CancellationToken ct) =>
        SendAsync<KernelPasswordReset>(HttpMethod.Post, "users/password-resets/confirm", body, ct);

    public Task<KernelAnswer<IReadOnlyList<KernelOrder>>> OrdersAsync(Guid userId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<KernelOrder>>(HttpMethod.Get, $"users/{userId}/orders", null, ct);

    public Task<KernelAnswer<IReadOnlyList<WishlistItem>>> WishlistAsync(Guid userId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<WishlistItem>>(HttpMethod.Get, $"users/{userId}/wishlist", null, ct);

    public Task<KernelAnswer<WishlistItem>> PutWishlistItemAsync(Guid userId, string slug, object body, CancellationToken ct) =>
        SendAsync<WishlistItem>(HttpMethod.Put, $"users/{userId}/wishlist/{Uri.EscapeDataString(slug)}", body, ct);

    public Task<KernelAnswer<object>> DeleteWishlistItemAsync(Guid userId, string slug, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"users/{userId}/wishlist/{Uri.EscapeDataString(slug)}", null, ct);

    // The kernel's refusals (400, 401, 404, 409) are answers the BFF words for shoppers; anything else is a failure.
    private async Task<KernelAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest:
                var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
                return new KernelAnswer<T>(response.StatusCode, default, problem?.Errors ?? new Dictionary<string, string[]>());
            case HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.Conflict
                or HttpStatusCode.NoContent or HttpStatusCode.Accepted:
                return new KernelAnswer<T>(response.StatusCode, default, null);
            default:
                response.EnsureSuccessStatusCode();
                return new KernelAnswer<T>(response.StatusCode, await response.Content.ReadFromJsonAsync<T>(ct), null);
        }
    }
}

/// <summary>A kernel answer: its status, and the value of a 2xx or the validation errors of a 400.</summary>
public sealed record KernelAnswer<T>(HttpStatusCode Status, T? Value, IDictionary<string, string[]>? Errors);

public sealed record KernelUser(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>A spent reset token: whose password it set.</summary>
public sealed record KernelPasswordReset(Guid UserId);

public sealed record KernelUserPage(IReadOnlyList<KernelUser> Items, long Total);

public sealed record KernelOrder(Guid Id, string Number, string Status, string Currency, decimal Total, DateTimeOffset CreatedAt);
