using System.Net;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>nginx with the production template in front of the real Embedded host, over TLS on loopback.</summary>
public sealed class EdgeTests(EdgeFixture edge) : IClassFixture<EdgeFixture>
{
    [Fact]
    public async Task Https_requests_for_the_API_reach_the_BFF_with_security_headers()
    {
        using var client = HttpsClient();

        using var rates = await client.GetAsync("/api/currency-rates");
        using var ready = await client.GetAsync("/health/ready");

        rates.StatusCode.Should().Be(HttpStatusCode.OK, await rates.Content.ReadAsStringAsync());
        (await rates.Content.ReadAsStringAsync()).Should().StartWith("[");
        rates.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
        rates.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        rates.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("default-src 'self'");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Supplier_webhooks_reach_the_suppliers_app_and_nothing_else_of_it_does()
    {
        using var client = HttpsClient();
        using var push = new HttpRequestMessage(HttpMethod.Post, "/webhooks/kinguin") { Content = new StringContent("{}") };
        push.Headers.Add("X-Event-Secret", "a guess");

        using var refused = await client.SendAsync(push);
        using var feed = await client.PostAsync("/webhooks/supplier-feed", new StringContent("{}"));

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the suppliers app itself checked the secret");
        feed.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"http://127.0.0.1:{edge.Nginx.HttpPort}/api/currency-rates?page=2");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location.Should().Be(new Uri("https://127.0.0.1/api/currency-rates?page=2"));
    }

    // One test, as the zone is shared: the first attempt gets through, and other spellings of the path (routing ignores
    // case; nginx decodes and merges slashes) count against the same tight limit instead of the API's generous one.
    [Fact]
    public async Task Auth_endpoints_are_rate_limited_per_client_however_the_path_is_spelled()
    {
        using var client = HttpsClient();
        string[] spellings = ["/api/AUTH/sign-in", "/api/Auth/Sign-In", "/api/%41uth/sign-in", "/api//auth/sign-in"];

        using var first = await client.PostAsync("/api/auth/sign-in", new StringContent("{}"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.PostAsync(spellings[i % spellings.Length], new StringContent("{}"));
            statuses.Add(response.StatusCode);
        }

        first.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        statuses.Should().Contain(HttpStatusCode.TooManyRequests);
    }

    // Trusts exactly the certificate the test made, nothing else.
    private HttpClient HttpsClient() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            certificate?.Thumbprint == edge.Nginx.Certificate.Thumbprint,
    })
    {
        BaseAddress = new Uri($"https://127.0.0.1:{edge.Nginx.HttpsPort}"),
    };
}
