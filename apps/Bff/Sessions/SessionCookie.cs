namespace GamesDrop.Bff.Sessions;

/// <summary>
/// The cookie carrying the session id: HttpOnly, SameSite=Lax, Secure whenever the browser used TLS (as the cart cookie).
/// Over TLS it is named <c>__Host-gd_session</c> (the cart's <c>__Host-gd_cart</c>): browsers then keep it only as Secure,
/// Path=/ and host-only, so no sibling subdomain or plain-HTTP page can plant or overwrite a session or a cart.
/// </summary>
public static class SessionCookie
{
    public const string Name = "gd_session";

    public static string NameFor(HttpRequest request) => Prefixed(request, Name);

    /// <summary><paramref name="name"/> with the <c>__Host-</c> prefix when the browser used TLS, which <see cref="Options"/> then satisfies.</summary>
    public static string Prefixed(HttpRequest request, string name) => IsSecure(request) ? "__Host-" + name : name;

    public static void Set(HttpContext http, string sessionId) => http.Response.Cookies.Append(NameFor(http.Request), sessionId, Options(http.Request));

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(NameFor(http.Request), Options(http.Request));

    // Behind nginx the app sees plain HTTP and X-Forwarded-Proto tells what the browser used; the header can only add Secure.
    public static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = IsSecure(request),
        Path = "/",
        IsEssential = true,
    };

    private static bool IsSecure(HttpRequest request) =>
        request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"], "https", StringComparison.OrdinalIgnoreCase);
}
