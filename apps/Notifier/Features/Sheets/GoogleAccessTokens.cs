using System.Text.Json;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Notifier.Features.Sheets;

/// <summary>
/// The service account's OAuth access token for Sheets, from Google.Apis.Auth's JWT bearer flow (an RS256 assertion
/// posted to the token endpoint) and cached by it until shortly before it expires. The token endpoint is reached through
/// the <c>google-oauth</c> HTTPEndpoint, like every other partner call; the credential keeps Google's own token URL, which
/// is also the audience of its assertion.
/// </summary>
public sealed class GoogleAccessTokens([FromKeyedServices(AppIds.Notifier)] ISecretStore secrets, IHttpMessageHandlerFactory handlers)
{
    public const string GoogleTokenUrl = "https://oauth2.googleapis.com/token";
    private readonly SemaphoreSlim _loading = new(1, 1);
    private ServiceAccountCredential? _credential;

    public async Task<string> GetAsync(CancellationToken ct) =>
        await (await CredentialAsync(ct)).GetAccessTokenForRequestAsync(cancellationToken: ct);

    private async Task<ServiceAccountCredential> CredentialAsync(CancellationToken ct)
    {
        if (_credential is { } credential)
        {
            return credential;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (_credential is null)
            {
                var json = await secrets.GetAsync(SheetsOptions.ServiceAccountSecret, ct)
                    ?? throw new InvalidOperationException($"Secret {SheetsOptions.ServiceAccountSecret} is not set.");
                var key = JsonSerializer.Deserialize<ServiceAccountKey>(json)
                    ?? throw new InvalidOperationException($"Secret {SheetsOptions.ServiceAccountSecret} is not a service account key.");
                _credential = new ServiceAccountCredential(
                    new ServiceAccountCredential.Initializer(key.client_email, GoogleTokenUrl)
                    {
                        Scopes = [SheetsOptions.Scope],
                        HttpClientFactory = new EndpointClientFactory(handlers),
                    }.FromPrivateKey(key.private_key));
            }
            return _credential;
        }
        finally
        {
            _loading.Release();
        }
    }

    // The JSON key file's own field names.
#pragma warning disable IDE1006
    private sealed record ServiceAccountKey(string client_email, string private_key);
#pragma warning restore IDE1006

    /// <summary>Google's client over the pipeline of the named <c>google-oauth</c> endpoint client.</summary>
    private sealed class EndpointClientFactory(IHttpMessageHandlerFactory handlers) : HttpClientFactory
    {
        protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) =>
            new ToTokenEndpoint { InnerHandler = handlers.CreateHandler(SheetsOptions.TokenEndpointName) };
    }

    /// <summary>Sends Google's token URL to the HTTPEndpoint of the same name, whichever host it is configured to.</summary>
    private sealed class ToTokenEndpoint : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.RequestUri = new Uri($"http://{SheetsOptions.TokenEndpointName}{request.RequestUri!.PathAndQuery}");
            return base.SendAsync(request, ct);
        }
    }
}
