using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Authentication;
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
        rates.Headers.GetValues("Content-Security-Policy").Single().Should().Be(Nginx.ContentSecurityPolicy);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // The policy allows no inline script but by the response's nonce: an injected <script> does not run.
    [Fact]
    public void The_content_security_policy_allows_no_inline_script_and_is_the_storefronts()
    {
        var scripts = Nginx.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

        scripts.Should().NotContain("'unsafe-inline'").And.NotContain("'unsafe-eval'");
        Nginx.ContentSecurityPolicy.Should().Be(Nginx.StorefrontPolicy(), "the edge sends apps/web/lib/csp.json where the storefront sends none");
    }

    // A browser applies every policy it gets: a page's own, with its nonce, must reach it alone.
    [Fact]
    public async Task A_storefront_page_reaches_the_browser_with_its_own_policy_only()
    {
        using var client = HttpsClient();

        using var page = await client.GetAsync(EdgeFixture.PagePath);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Headers.GetValues("Content-Security-Policy").Should().Equal(EdgeFixture.PagePolicy);
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

    // Server-rendered search and product pages cost a database search each; one client asking without pause is held back
    // however it spells them. Asks until the first refusal (or gives up far beyond the burst), so a slow box changes
    // nothing but how many asks it takes.
    [Fact]
    public async Task Server_rendered_search_and_product_pages_are_rate_limited_per_client_however_spelled()
    {
        using var client = HttpsClient();
        string[] spellings = ["/search?q=witcher", "/Search?q=a", "/product/some-game", "/PRODUCT/other"];

        using var first = await client.GetAsync("/product/first");
        var limited = false;
        for (var i = 0; i < 500 && !limited; i++)
        {
            using var response = await client.GetAsync(spellings[i % spellings.Length]);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        first.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        limited.Should().BeTrue();
    }

    // Mozilla's intermediate profile: TLS 1.2 only with forward-secret AEAD suites, so a client offering nothing else is refused.
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Tls_offers_only_forward_secret_aead_ciphers()
    {
        var modern = await HandshakeAsync(null);
        var weak = () => HandshakeAsync([TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384]);

        modern.ToString().Should().StartWith("TLS_ECDHE_").And.Match(s => s.Contains("_GCM_") || s.Contains("CHACHA20"));
        await weak.Should().ThrowAsync<AuthenticationException>();
    }

    [SupportedOSPlatform("linux")]
    private async Task<TlsCipherSuite> HandshakeAsync(TlsCipherSuite[]? offered)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, edge.Nginx.HttpsPort);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls12,
            CipherSuitesPolicy = offered is null ? null : new CipherSuitesPolicy(offered),
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == edge.Nginx.Certificate.Thumbprint,
        });
        return tls.NegotiatedCipherSuite;
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
