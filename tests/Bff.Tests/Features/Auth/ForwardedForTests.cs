using System.Net;
using System.Net.Http.Json;
using GamesDrop.AppTesting;

namespace GamesDrop.Bff.Tests.Features.Auth;

/// <summary>The per-IP sign-in limit keys on X-Forwarded-For only when a trusted proxy (by default loopback) sent it.</summary>
public sealed class ForwardedForTests
{
    private static readonly Dictionary<string, string?> TwoPerIp = new() { ["RateLimits:AuthPerIp"] = "2" };

    private static async Task<HttpStatusCode> LoginFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@example.com", password = "wrong horse" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var app = await EmbeddedApp.StartAsync(TwoPerIp);
        using var proxy = app.PublicClient();

        var first = new[] { await LoginFromAsync(proxy, "203.0.113.1"), await LoginFromAsync(proxy, "203.0.113.1") };
        var third = await LoginFromAsync(proxy, "203.0.113.1");
        var other = await LoginFromAsync(proxy, "198.51.100.7");
        var forgedChain = await LoginFromAsync(proxy, "198.51.100.99, 203.0.113.1");

        first.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        (third, other, forgedChain).Should().Be((HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests),
            "only the hop the proxy appended counts, so a client cannot pick its own partition");
    }

    [Fact]
    public async Task From_an_untrusted_address_the_header_is_ignored()
    {
        await using var app = await EmbeddedApp.StartAsync(new Dictionary<string, string?>(TwoPerIp) { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" });
        using var client = app.PublicClient();

        var answers = new[]
        {
            await LoginFromAsync(client, "203.0.113.1"),
            await LoginFromAsync(client, "203.0.113.2"),
            await LoginFromAsync(client, "203.0.113.3"),
        };

        answers.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
    }
}
