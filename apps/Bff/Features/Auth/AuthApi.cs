using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Features.Cart;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Auth;

/// <summary>
/// Registration, sign-in and out, password change and reset. Answers never tell whether an email has an account:
/// registration and reset requests are always accepted, and every failed sign-in reads the same.
/// </summary>
public static class AuthApi
{
    private const string SignInFailed = "The email or password is not correct, or the account is locked for a while.";
    private const string TooMany = "Too many attempts; try again in a minute.";
    private const string Unverified = "Confirm your email first: we have sent you a link. Then sign in again.";

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder routes)
    {
        var open = routes.MapGroup("/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(AuthRateLimits.PerIp);
        open.MapPost("/register", RegisterAsync);
        open.MapPost("/login", LoginAsync);
        open.MapPost("/password-reset", RequestResetAsync);
        open.MapPost("/password-reset/confirm", ConfirmResetAsync);
        open.MapPost("/email-verification/confirm", ConfirmEmailAsync);

        var signedIn = routes.MapGroup("/auth").WithTags("Auth")
            .RequireAuthorization(SessionAuthentication.Customer).AddEndpointFilter<CsrfFilter>();
        signedIn.MapGet("/csrf", GetCsrf);
        signedIn.MapPost("/logout", LogoutAsync);
        signedIn.MapPut("/password", ChangePasswordAsync);
        return routes;
    }

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        Register body, KernelClient kernel, AuthRateLimits limits, CancellationToken ct)
    {
        if (!limits.TryAcquireForAccount(body.Email))
        {
            return TooManyAttempts();
        }
        var answer = await kernel.CreateUserAsync(body, ct);
        // A taken email (409) is answered like a new one; the kernel mails the email's owner instead.
        return answer.Errors is { } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Accepted((string?)null);
    }

    // A new session id at every sign-in, and the old one ended, so an id planted before sign-in is worth nothing.
    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> LoginAsync(
        Login body, HttpContext http, KernelClient kernel, SessionStore sessions, AuthRateLimits limits, CartOwners carts, CancellationToken ct)
    {
        if (!limits.TryAcquireForAccount(body.Email))
        {
            return TooManyAttempts();
        }
        // The kernel pauses only this client after repeated wrong guesses, so nobody can lock the owner out.
        var user = (await kernel.VerifyPasswordAsync(new { body.Email, body.Password, Client = http.Connection.RemoteIpAddress?.ToString() }, ct)).Value;
        if (user is null)
        {
            return TypedResults.Problem(SignInFailed, statusCode: StatusCodes.Status401Unauthorized);
        }
        // Only the password's owner hears this, so it tells a stranger nothing; the kernel mails a fresh link at most every few minutes.
        if (!user.EmailVerified)
        {
            await kernel.RequestEmailVerificationAsync(user.Id, ct);
            return TypedResults.Problem(Unverified, statusCode: StatusCodes.Status403Forbidden);
        }
        if (http.Request.Cookies.TryGetValue(SessionCookie.NameFor(http.Request), out var old) && old.Length > 0)
        {
            await sessions.EndAsync(old, ct);
        }
        var session = await sessions.StartAsync(user.Id, user.Roles, ct);
        SessionCookie.Set(http, session.Id);
        await carts.MergeAtSignInAsync(http, user.Id);
        return TypedResults.Ok(new SignedIn(user.Id, user.Email, user.DisplayName, user.Roles, session.Session.CsrfToken));
    }

    private static Ok<CsrfToken> GetCsrf(HttpContext http) =>
        TypedResults.Ok(new CsrfToken(http.SignedInSession().Session.CsrfToken));

    private static async Task<NoContent> LogoutAsync(HttpContext http, SessionStore sessions, CancellationToken ct)
    {
        await sessions.EndAsync(http.SignedInSession().Id, ct);
        SessionCookie.Clear(http);
        return TypedResults.NoContent();
    }

    // Whoever knew the old password may hold a session: every other one of the user's ends, this browser's stays.
    // Guessing the current password from a stolen session is slowed per account and per client; nothing locks the account.
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePassword body, HttpContext http, KernelClient kernel, SessionStore sessions, AuthRateLimits limits, CancellationToken ct)
    {
        var (acquired, retryAfter) = limits.TryAcquirePasswordChange(http.UserId(), http.Connection.RemoteIpAddress?.ToString());
        if (!acquired)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem("Too many attempts; try again in a few minutes.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        var answer = await kernel.ChangePasswordAsync(http.UserId(), body, ct);
        if (answer.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await sessions.EndAllOfUserAsync(http.UserId(), http.SignedInSession().Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RequestResetAsync(
        RequestPasswordReset body, KernelClient kernel, AuthRateLimits limits, CancellationToken ct)
    {
        if (!limits.TryAcquireForAccount(body.Email))
        {
            return TooManyAttempts();
        }
        await kernel.RequestPasswordResetAsync(body, ct);
        return TypedResults.Accepted((string?)null);
    }

    // A reset means the password may be known to someone else: every session of the user ends.
    private static async Task<Results<NoContent, ValidationProblem>> ConfirmResetAsync(
        ConfirmPasswordReset body, KernelClient kernel, SessionStore sessions, CancellationToken ct)
    {
        var answer = await kernel.ConfirmPasswordResetAsync(body, ct);
        if (answer.Value is not { } reset)
        {
            return TypedResults.ValidationProblem(answer.Errors ?? new Dictionary<string, string[]>());
        }
        await sessions.EndAllOfUserAsync(reset.UserId, keepId: null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> ConfirmEmailAsync(ConfirmEmail body, KernelClient kernel, CancellationToken ct)
    {
        var answer = await kernel.ConfirmEmailAsync(body, ct);
        return answer.Value is null ? TypedResults.ValidationProblem(answer.Errors ?? new Dictionary<string, string[]>()) : TypedResults.NoContent();
    }

    private static ProblemHttpResult TooManyAttempts() => TypedResults.Problem(TooMany, statusCode: StatusCodes.Status429TooManyRequests);
}

public sealed record Register(
    [Required, EmailAddress, MaxLength(254)] string Email,
    [Required, StringLength(128, MinimumLength = 8)] string Password,
    [Required, StringLength(100, MinimumLength = 1)] string DisplayName);

public sealed record Login([Required, MaxLength(254)] string Email, [Required, MaxLength(128)] string Password);

public sealed record ChangePassword([Required, MaxLength(128)] string CurrentPassword, [Required, StringLength(128, MinimumLength = 8)] string NewPassword);

public sealed record RequestPasswordReset([Required, MaxLength(254)] string Email);

public sealed record ConfirmEmail([Required, MaxLength(100)] string Token);

public sealed record ConfirmPasswordReset([Required, MaxLength(100)] string Token, [Required, StringLength(128, MinimumLength = 8)] string NewPassword);

/// <summary>Who signed in, and the token to send in X-CSRF-Token on writes.</summary>
public sealed record SignedIn(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string CsrfToken);
