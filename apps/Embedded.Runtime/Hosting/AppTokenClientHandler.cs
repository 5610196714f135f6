using GamesDrop.ServiceDefaults.Security;

namespace GamesDrop.Embedded.Runtime.Hosting;

/// <summary>
/// For callers outside the Embedded host that hold its one <c>APP_API_TOKEN</c> (tests, benchmarks): each request
/// presents the token of the app its path names, as the host's own senders do.
/// </summary>
public sealed class AppTokenClientHandler(string secret, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public static string TokenFor(string secret, string path) => AppTokens.Derive(secret, EmbeddedAppTokens.AppOf(path));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        EmbeddedAppTokens.Present(request, TokenFor(secret, request.RequestUri!.AbsolutePath));
        return base.SendAsync(request, ct);
    }
}
