using System.Net;
using GamesDrop.Bff.Features.Wishlist;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the kernel's users, orders and wishlists, the system of record behind sessions and account pages.</summary>
public sealed class KernelAccounts(HttpClient http)
{
    public Task<KernelAnswer<KernelUser>> CreateAsync(object body, CancellationToken ct) => SendAsync<KernelUser>(HttpMethod.Post, "users", body, ct);

    public Task<KernelAnswer<KernelUser>> VerifyPasswordAsync(object body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Post, "users/verify-password", body, ct);

    public Task<KernelAnswer<KernelUserPage>> ListAsync(QueryString query, CancellationToken ct) =>
        SendAsync<KernelUserPage>(HttpMethod.Get, "users" + query, null, ct);

    public Task<KernelAnswer<KernelUser>> GetAsync(Guid id, CancellationToken ct) => SendAsync<KernelUser>(HttpMethod.Get, $"users/{id}", null, ct);

    public Task<KernelAnswer<KernelUser>> ChangeAdminRoleAsync(Guid id, AdminRoleChange body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Put, $"users/{id}/admin-role", body, ct);

    public Task<KernelAnswer<KernelUser>> PutProfileAsync(Guid id, object body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Put, $"users/{id}/profile", body, ct);

    public Task<KernelAnswer<KernelUser>> PutCountryAsync(Guid id, string? country, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Put, $"users/{id}/country", new { country }, ct);

    public Task<KernelAnswer<object>> ChangePasswordAsync(Guid id, object body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Put, $"users/{id}/password", body, ct);

    public Task<KernelAnswer<object>> RequestPasswordResetAsync(object body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, "users/password-resets", body, ct);

    public Task<KernelAnswer<KernelPasswordReset>> ConfirmPasswordResetAsync(object body, CancellationToken ct) =>
        SendAsync<KernelPasswordReset>(HttpMethod.Post, "users/password-resets/confirm", body, ct);

    public Task<KernelAnswer<object>> RequestEmailVerificationAsync(Guid id, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"users/{id}/email-verifications", null, ct);

    public Task<KernelAnswer<KernelEmailVerified>> ConfirmEmailAsync(object body, CancellationToken ct) =>
        SendAsync<KernelEmailVerified>(HttpMethod.Post, "users/email-verifications/confirm", body, ct);

    public Task<KernelAnswer<IReadOnlyList<KernelOrder>>> OrdersAsync(Guid userId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<KernelOrder>>(HttpMethod.Get, $"users/{userId}/orders", null, ct);

    public Task<KernelAnswer<IReadOnlyList<WishlistItem>>> WishlistAsync(Guid userId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<WishlistItem>>(HttpMethod.Get, $"users/{userId}/wishlist", null, ct);

    public Task<KernelAnswer<WishlistItem>> PutWishlistItemAsync(Guid userId, string slug, object body, CancellationToken ct) =>
        SendAsync<WishlistItem>(HttpMethod.Put, $"users/{userId}/wishlist/{Uri.EscapeDataString(slug)}", body, ct);

    public Task<KernelAnswer<object>> DeleteWishlistItemAsync(Guid userId, string slug, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"users/{userId}/wishlist/{Uri.EscapeDataString(slug)}", null, ct);

    // A 400 carries the fields the kernel refused.
    private static readonly IReadOnlySet<HttpStatusCode> WithErrors = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest };

    private Task<KernelAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        KernelCalls.SendAsync<T>(http, method, path, body, WithErrors, ct);
}

/// <summary>A kernel answer: its status, and the value of a 2xx or the validation errors of a 400.</summary>
public sealed record KernelAnswer<T>(HttpStatusCode Status, T? Value, IDictionary<string, string[]>? Errors);

public sealed record KernelUser(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, bool EmailVerified, DateTimeOffset CreatedAt,
    string? Country = null);

/// <summary>A spent reset token: whose password it set.</summary>
public sealed record KernelPasswordReset(Guid UserId);

/// <summary>A spent verification token: whose email it proved.</summary>
public sealed record KernelEmailVerified(Guid UserId);

public sealed record KernelUserPage(IReadOnlyList<KernelUser> Items, long Total);

public sealed record KernelOrder(Guid Id, string Number, string Status, string Currency, decimal Total, DateTimeOffset CreatedAt);
