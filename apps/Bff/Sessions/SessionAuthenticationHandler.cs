using System.Security.Claims;
using System.Text.Encodings.Web;
using GamesDrop.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GamesDrop.Bff.Sessions;

/// <summary>Signs a request in from its session cookie, with the session's roles as role claims.</summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // Ids are 43 characters; anything much longer is not one and is not looked up.
    private const int MaxIdLength = 64;
    private bool _sessionsUnavailable;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(SessionCookie.NameFor(Request), out var id) || id is not { Length: > 0 and <= MaxIdLength })
        {
            return AuthenticateResult.NoResult();
        }
        Session? session;
        try
        {
            session = await sessions.ResumeAsync(id, Context.RequestAborted);
        }
        catch (Exception e) when (StoreOutage.Is(e))
        {
            // Without the session store the shopper browses as a guest; pages that need them signed in answer 503.
            _sessionsUnavailable = true;
            return AuthenticateResult.NoResult();
        }
        if (session is null)
        {
            return AuthenticateResult.NoResult();
        }
        Context.Features.Set(new CurrentSession(id, session));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString()), .. session.Roles.Select(r => new Claim(ClaimTypes.Role, r))],
            SessionAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SessionAuthentication.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        _sessionsUnavailable ? StoreOutage.Answer(Context).ExecuteAsync(Context) : base.HandleChallengeAsync(properties);
}
