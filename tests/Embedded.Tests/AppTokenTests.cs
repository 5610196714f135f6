using System.Net;
using System.Text;
using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;
using GamesDrop.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Embedded.Tests;

/// <summary>
/// Internal trust, on the store as ./run.sh starts it (one <c>APP_API_TOKEN</c>): each app accepts only its own token,
/// as in the Dapr profile where each app's daprd presents that app's own, so a token taken from one app opens no other.
/// </summary>
public sealed class AppTokenTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_internal_endpoint_refuses_another_apps_token_and_the_shared_secret()
    {
        var internalEndpoints = InternalEndpoints();
        internalEndpoints.Select(e => e.App).Distinct().Should().BeEquivalentTo(AppIds.All, "every app has internal endpoints to guard");
        using var client = _app.PublicClient();
        var accepted = new List<string>();

        foreach (var (app, method, path) in internalEndpoints)
        {
            var wrongTokens = AppIds.All.Where(other => other != app).Select(other => TokenOf(other)).Append(EmbeddedApp.AppToken);
            foreach (var token in wrongTokens)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                request.Headers.Add(AppTokens.Header, token);
                var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    accepted.Add($"{method} {path}: {(int)response.StatusCode}");
                }
            }
        }

        accepted.Should().BeEmpty();
    }

    [Fact]
    public async Task An_app_accepts_its_own_token_and_refuses_the_same_call_with_another_apps()
    {
        using var client = _app.PublicClient();

        var own = await GetAsync(client, "/kernel/currency-rates", TokenOf(AppIds.Kernel));
        var bffs = await GetAsync(client, "/kernel/currency-rates", TokenOf(AppIds.Bff));

        own.Should().Be(HttpStatusCode.OK);
        bffs.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_host_calls_each_app_with_that_apps_token()
    {
        // The BFF's currency page calls the kernel through the host's invocation client; it answers only if the kernel
        // accepted the token the client presented, which is now the kernel's own and no longer the shared one.
        using var client = _app.PublicClient();

        var response = await client.GetAsync("/bff/api/currency-rates");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string TokenOf(string appId) => AppTokens.Derive(EmbeddedApp.AppToken, appId);

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(AppTokens.Header, token);
        return (await client.SendAsync(request)).StatusCode;
    }

    // Every endpoint behind the internal policy, its route values filled so that the route matches: an unmatched route
    // would answer 404 before the token is checked.
    private List<(string App, string Method, string Path)> InternalEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ServiceDefaultsExtensions.InternalPolicy))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
            {
                var path = RoutePatterns.FillMatching("/" + e.RoutePattern.RawText!.TrimStart('/'), "1");
                return (path.Split('/')[1], method, path);
            }))
            .ToList();
}
