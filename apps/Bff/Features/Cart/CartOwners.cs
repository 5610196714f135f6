using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using GamesDrop.Bff.Sessions;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>The cart a request may use, and the token its writes must send in X-CSRF-Token.</summary>
public sealed record CartOwner(string ActorId, string CsrfToken);

/// <summary>
/// Who owns which cart. Signed in: actor <c>user-{userId}</c>, the session's CSRF token. Anonymous: a random 256-bit id in
/// the <see cref="Cookie"/> cookie, actor <c>anon-{id}</c>, and as CSRF token an HMAC of the id under secret
/// <c>cart-csrf-key</c>. A cookie value that is not such an id is never used, so it cannot name another cart. The cookie
/// lives as long as an untouched cart (<see cref="CartOptions.IdleExpiry"/>), renewed by every write.
/// </summary>
public sealed partial class CartOwners([FromKeyedServices(AppIds.Bff)] ISecretStore secrets, IActorProxies actors, CartOptions settings, ILogger<CartOwners> logger)
{
    public const string Cookie = "gd_cart";
    public const string ActorType = nameof(CartActor);
    public const string CsrfKeySecret = "cart-csrf-key";

    // Kept once read; a failed read (secret unset, sidecar not up yet) is not, so the next request asks again.
    private byte[]? _csrfKey;

    public ICartActor Cart(CartOwner owner) => actors.Create<ICartActor>(ActorType, owner.ActorId);

    /// <summary>The caller's cart; an anonymous caller without one gets a new id (and cookie) when <paramref name="issue"/> is set.</summary>
    public async Task<CartOwner?> ResolveAsync(HttpContext http, bool issue)
    {
        await http.AuthenticateAsync(SessionAuthentication.Scheme);
        if (http.Features.Get<CurrentSession>() is { } current)
        {
            return new CartOwner(UserActorId(current.Session.UserId), current.Session.CsrfToken);
        }
        if (AnonymousId(http) is { } id)
        {
            // A write (the only caller that does not issue) renews the cookie for as long as the cart now lives.
            if (!issue)
            {
                SetCookie(http, id);
            }
            return new CartOwner("anon-" + id, await AnonymousTokenAsync(id));
        }
        if (!issue)
        {
            return null;
        }
        var issued = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        SetCookie(http, issued);
        return new CartOwner("anon-" + issued, await AnonymousTokenAsync(issued));
    }

    /// <summary>At sign-in: the browser's anonymous cart joins the user's, and the anonymous cart and its cookie are gone.</summary>
    public async Task MergeAtSignInAsync(HttpContext http, Guid userId)
    {
        if (!http.Request.Cookies.ContainsKey(SessionCookie.Prefixed(http.Request, Cookie)))
        {
            return;
        }
        if (AnonymousId(http) is { } id)
        {
            var anonymous = actors.Create<ICartActor>(ActorType, "anon-" + id);
            var lines = await anonymous.GetAsync();
            if (lines.Lines.Count > 0)
            {
                await actors.Create<ICartActor>(ActorType, UserActorId(userId)).MergeAsync(lines);
                await anonymous.ClearAsync();
            }
        }
        http.Response.Cookies.Delete(SessionCookie.Prefixed(http.Request, Cookie), SessionCookie.Options(http.Request));
    }

    private void SetCookie(HttpContext http, string id)
    {
        var options = SessionCookie.Options(http.Request);
        options.MaxAge = settings.IdleExpiry;
        http.Response.Cookies.Append(SessionCookie.Prefixed(http.Request, Cookie), id, options);
    }

    private static string UserActorId(Guid userId) => "user-" + userId;

    private static string? AnonymousId(HttpContext http) =>
        http.Request.Cookies.TryGetValue(SessionCookie.Prefixed(http.Request, Cookie), out var value) && value is not null && IssuedId().IsMatch(value) ? value : null;

    private async Task<string> AnonymousTokenAsync(string id) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(await CsrfKeyAsync(), Encoding.UTF8.GetBytes("cart-csrf:" + id)));

    private async Task<byte[]> CsrfKeyAsync()
    {
        if (_csrfKey is { } cached)
        {
            return cached;
        }
        var key = await secrets.GetAsync(CsrfKeySecret);
        if (key.Length < 32)
        {
            LogShortCsrfKey(logger);
            throw new SecretUnavailableException(CsrfKeySecret);
        }
        return _csrfKey = Encoding.UTF8.GetBytes(key);
    }

    // 32 random bytes in base64url: exactly 43 characters of its alphabet.
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex IssuedId();

    [LoggerMessage(LogLevel.Error, "Secret cart-csrf-key is shorter than 32 characters; anonymous carts are refused until it is longer")]
    private static partial void LogShortCsrfKey(ILogger logger);
}
