using GamesDrop.Bff.Features.Wishlist;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Bff.Clients;

// The kernel's users, their orders and wishlists: the system of record behind sessions and account pages.
public sealed partial class KernelClient
{
    public Task<AppAnswer<KernelUser>> CreateUserAsync(object body, CancellationToken ct) => SendAsync<KernelUser>(HttpMethod.Post, "users", body, ct);

    public Task<AppAnswer<KernelUser>> VerifyPasswordAsync(object body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Post, "users/verify-password", body, ct);

    public Task<AppAnswer<KernelUserPage>> ListUsersAsync(QueryString query, CancellationToken ct) =>
        SendAsync<KernelUserPage>(HttpMethod.Get, "users" + query, null, ct);

    public Task<AppAnswer<KernelUser>> GetUserAsync(Guid id, CancellationToken ct) => SendAsync<KernelUser>(HttpMethod.Get, $"users/{id}", null, ct);

    public Task<AppAnswer<KernelUser>> ChangeAdminRoleAsync(Guid id, AdminRoleChange body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Put, $"users/{id}/admin-role", body, ct);

    public Task<AppAnswer<KernelUser>> PutProfileAsync(Guid id, object body, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Put, $"users/{id}/profile", body, ct);

    public Task<AppAnswer<KernelUser>> PutCountryAsync(Guid id, string? country, CancellationToken ct) =>
        SendAsync<KernelUser>(HttpMethod.Put, $"users/{id}/country", new { country }, ct);

    public Task<AppAnswer<object>> ChangePasswordAsync(Guid id, object body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Put, $"users/{id}/password", body, ct);

    public Task<AppAnswer<object>> RequestPasswordResetAsync(object body, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, "users/password-resets", body, ct);

    public Task<AppAnswer<KernelPasswordReset>> ConfirmPasswordResetAsync(object body, CancellationToken ct) =>
        SendAsync<KernelPasswordReset>(HttpMethod.Post, "users/password-resets/confirm", body, ct);

    public Task<AppAnswer<object>> RequestEmailVerificationAsync(Guid id, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Post, $"users/{id}/email-verifications", null, ct);

    public Task<AppAnswer<KernelEmailVerified>> ConfirmEmailAsync(object body, CancellationToken ct) =>
        SendAsync<KernelEmailVerified>(HttpMethod.Post, "users/email-verifications/confirm", body, ct);

    public Task<AppAnswer<IReadOnlyList<KernelOrder>>> UserOrdersAsync(Guid userId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<KernelOrder>>(HttpMethod.Get, $"users/{userId}/orders", null, ct);

    public Task<AppAnswer<IReadOnlyList<WishlistItem>>> WishlistAsync(Guid userId, CancellationToken ct) =>
        SendAsync<IReadOnlyList<WishlistItem>>(HttpMethod.Get, $"users/{userId}/wishlist", null, ct);

    public Task<AppAnswer<WishlistItem>> PutWishlistItemAsync(Guid userId, string slug, object body, CancellationToken ct) =>
        SendAsync<WishlistItem>(HttpMethod.Put, $"users/{userId}/wishlist/{Uri.EscapeDataString(slug)}", body, ct);

    public Task<AppAnswer<object>> DeleteWishlistItemAsync(Guid userId, string slug, CancellationToken ct) =>
        SendAsync<object>(HttpMethod.Delete, $"users/{userId}/wishlist/{Uri.EscapeDataString(slug)}", null, ct);
}

public sealed record KernelUser(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, bool EmailVerified, DateTimeOffset CreatedAt,
    string? Country = null);

/// <summary>A spent reset token: whose password it set.</summary>
public sealed record KernelPasswordReset(Guid UserId);

/// <summary>A spent verification token: whose email it proved.</summary>
public sealed record KernelEmailVerified(Guid UserId);

public sealed record KernelUserPage(IReadOnlyList<KernelUser> Items, long Total);

public sealed record KernelOrder(Guid Id, string Number, string Status, string Currency, decimal Total, DateTimeOffset CreatedAt);
