using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.AppTesting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GamesDrop.Embedded.Tests;

/// <summary>Every endpoint of every app, found from the routing table, answers malformed input with 4xx problem+json.</summary>
public sealed class BadInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    private const string AdminPassword = "bad input admin password";

    // Signed in as the configured admin too, so the BFF's session endpoints reach their body parsing.
    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync(new Dictionary<string, string?>
    {
        ["Admin:Email"] = "admin@example.com",
        ["Secrets:admin-password"] = AdminPassword,
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IEnumerable<(string Method, string Pattern, RouteEndpoint Endpoint)> Endpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e)));

    private static string Fill(string pattern, string value) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", Uri.EscapeDataString(value));

    /// <summary>An app-token client that also carries the admin's session cookie and CSRF token.</summary>
    private async Task<HttpClient> SignedInInternalClientAsync()
    {
        var cookies = new HttpClientHandler { CookieContainer = new CookieContainer() };
        var client = new HttpClient(new AppTokenClientHandler(EmbeddedApp.AppToken, cookies)) { BaseAddress = _app.BaseUri };
        var login = await client.PostAsync("/bff/api/auth/login", new StringContent(
            $"{{\"email\":\"admin@example.com\",\"password\":\"{AdminPassword}\"}}", Encoding.UTF8, "application/json"));
        login.EnsureSuccessStatusCode();
        var csrf = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("csrfToken").GetString();
        client.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
        return client;
    }

    [Fact]
    public async Task Malformed_json_bodies_get_400_problem_details()
    {
        using var client = await SignedInInternalClientAsync();
        var writes = Endpoints().Where(e => e.Method is "POST" or "PUT" or "PATCH" && e.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null).ToList();
        writes.Should().NotBeEmpty();

        foreach (var (method, pattern, _) in writes)
        {
            foreach (var body in new[] { "{not json", "[]", "\"text\"", "{\"rateToStore\":\"lots\"}" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), RoutePatterns.FillMatching(pattern, "EUR"))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                var response = await client.SendAsync(request);
                response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{method} {pattern} with {body}");
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", $"{method} {pattern}");
            }
        }
    }

    [Theory]
    [InlineData("bff")]
    [InlineData("kernel")]
    [InlineData("checkout")]
    [InlineData("suppliers")]
    [InlineData("notifier")]
    public async Task Every_operation_of_an_openapi_document_answers_every_class_of_bad_input_with_4xx_problem_details(string appId)
    {
        using var client = await SignedInInternalClientAsync();
        var document = JsonNode.Parse(await client.GetStringAsync($"/openapi/{appId}.json"))!;
        var requests = OpenApiBadInput.From(document).ToList();
        var failures = new List<string>();

        foreach (var bad in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path);
            if (bad.Body is not null)
            {
                request.Content = new StringContent(bad.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(bad.ContentType!);
            }
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var problemJson = response.Content.Headers.ContentType?.MediaType == "application/problem+json" || bad.JsonAnswers.Contains(status);
            if (status >= 500 || status >= 400 && !problemJson || bad.MustRefuse && status < 400)
            {
                failures.Add($"{status} {bad}");
            }
        }

        output.WriteLine($"{appId}: {requests.Count} requests, {failures.Count} failures");
        failures.ForEach(output.WriteLine);
        requests.Select(r => r.Class).Distinct().Should().Contain(
            [OpenApiBadInput.ControlCharacters, OpenApiBadInput.NonAscii, OpenApiBadInput.PathCase], "every document has text to spoil");
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Absurd_route_values_never_cause_a_server_error()
    {
        using var client = _app.InternalClient();
        var parameterised = Endpoints().Where(e => e.Pattern.Contains('{')).ToList();

        foreach (var (method, pattern, _) in parameterised)
        {
            foreach (var value in new[] { new string('x', 2000), "-1", "'; DROP TABLE users; --", "%00", "ÄÖÜ" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern, value))
                {
                    Content = new StringContent("{}", Encoding.UTF8, "application/json"),
                };
                var response = await client.SendAsync(request);
                ((int)response.StatusCode).Should().BeLessThan(500, $"{method} {pattern} with {value}");
            }
        }
    }

    [Fact]
    public async Task Invalid_values_get_a_validation_problem_naming_the_field()
    {
        using var client = _app.InternalClient();

        var badCode = await client.PutAsync("/kernel/currency-rates/eur", new StringContent("{\"rateToStore\":1}", Encoding.UTF8, "application/json"));
        var badRate = await client.PutAsync("/kernel/currency-rates/USD", new StringContent("{\"rateToStore\":-5}", Encoding.UTF8, "application/json"));

        foreach (var (response, field) in new[] { (badCode, "currency"), (badRate, "RateToStore") })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadAsStringAsync()).Should().Contain($"\"{field}\"");
        }
    }

    [Fact]
    public async Task Oversized_bodies_get_413_problem_details()
    {
        var response = await _app.SendOversizedAsync(HttpMethod.Put, "/kernel/currency-rates/USD", asApp: true);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
