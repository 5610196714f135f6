namespace GamesDrop.Bff.Sessions;

/// <summary>The cookie carrying the session id: HttpOnly, SameSite=Lax, Secure whenever the browser used TLS (as the cart cookie).</summary>
public static class SessionCookie
{
    public const string Name = "gd_session";

    public static void Set(HttpContext http, string sessionId) => http.Response.Cookies.Append(Name, sessionId, Options(http.Request));

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http.Request));

    // Behind nginx the app sees plain HTTP and X-Forwarded-Proto tells what the browser used; the header can only add Secure.
    public static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"], "https", StringComparison.OrdinalIgnoreCase),
        Path = "/",
        IsEssential = true,
    };
}
