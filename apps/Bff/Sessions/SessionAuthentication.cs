using GamesDrop.ServiceDefaults.Settings;
using Microsoft.AspNetCore.Authentication;

namespace GamesDrop.Bff.Sessions;

/// <summary>Cookie sessions as an authentication scheme, and the policies endpoints declare: <see cref="Customer"/>, <see cref="Admin"/>.</summary>
public static class SessionAuthentication
{
    public const string Scheme = "Session";
    public const string Customer = "customer";
    public const string Admin = "admin";

    public static IServiceCollection AddSessionAuthentication(this IServiceCollection services)
    {
        services.AddSettings<SessionOptions>(SessionOptions.Section);
        services.AddSingleton<SessionStore>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Customer, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Customer))
            .AddPolicy(Admin, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Admin));
        return services;
    }

    /// <summary>The request's session; only for endpoints behind the customer or admin policy.</summary>
    public static CurrentSession SignedInSession(this HttpContext http) =>
        http.Features.Get<CurrentSession>() ?? throw new InvalidOperationException("The endpoint needs a signed-in session.");

    public static Guid UserId(this HttpContext http) => http.SignedInSession().Session.UserId;
}
