using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.AppTesting;
using GamesDrop.Embedded.Runtime.PubSub;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Embedded.Tests;

public sealed class EmbeddedHostTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Host_and_every_app_are_ready_with_postgres_and_redis_up()
    {
        using var client = _app.PublicClient();

        foreach (var path in AppIds.All.Select(app => $"/{app}/health/ready").Append("/health/ready").Append("/health/live"))
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        }
    }

    // The body is refused by an exception the exception handler turns into 400: the request log says 400, not 500.
    [Fact]
    public async Task A_request_refused_by_the_exception_handler_is_logged_with_the_status_it_got()
    {
        using var client = _app.InternalClient();

        var response = await client.PostAsJsonAsync("/kernel/catalog/products/lookup", new { slugs = new[] { "a\u0000b" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var logged = _app.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ") && e.Properties["RequestPath"].ToString().Contains("/products/lookup")).ToList();
        logged.Should().ContainSingle().Which.Properties["StatusCode"].ToString().Should().Be("400");
        logged.Single().Level.Should().Be(Serilog.Events.LogEventLevel.Information);
        response.Headers.GetValues("X-Correlation-Id").Single().Should().NotBeEmpty();
    }

    // Dapr docs, "Dead Letter Topics": without one, daprd redelivers an event its subscriber keeps refusing for ever.
    [Fact]
    public void Every_subscription_of_every_app_dead_letters_to_the_dead_letters_topic()
    {
        var subscriptions = _app.Services.GetRequiredService<TopicSubscriptions>().All;

        subscriptions.Should().NotBeEmpty();
        subscriptions.Should().OnlyContain(s => s.PubsubName == DaprComponents.PubSub && s.DeadLetterTopic == Topics.DeadLetters, "{0}", string.Join(", ", subscriptions));
    }

    [Fact]
    public async Task Every_app_serves_its_own_openapi_document()
    {
        using var client = _app.PublicClient();

        foreach (var app in AppIds.All)
        {
            var document = await client.GetFromJsonAsync<JsonElement>($"/openapi/{app}.json");
            document.GetProperty("openapi").GetString().Should().StartWith("3.");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                path.Name.Should().StartWith($"/{app}/", "a document holds only its own app's routes");
            }
        }
        var kernel = await client.GetFromJsonAsync<JsonElement>("/openapi/kernel.json");
        kernel.GetProperty("paths").TryGetProperty("/kernel/currency-rates", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Internal_apps_refuse_callers_without_the_app_token()
    {
        using var outsider = _app.PublicClient();
        using var app = _app.InternalClient();

        (await outsider.GetAsync("/kernel/currency-rates")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.GetAsync("/kernel/currency-rates")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_correlation_id_follows_a_request_from_the_bff_into_the_kernel()
    {
        using var client = _app.PublicClient();

        var response = await client.GetAsync("/bff/api/currency-rates");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rates = await response.Content.ReadFromJsonAsync<JsonElement>();
        rates.EnumerateArray().Select(r => r.GetProperty("currency").GetString()).Should().Contain("EUR");
        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        var requests = _app.Logs.Events.Where(e => e.Properties.ContainsKey("RequestPath")).ToList();
        var paths = requests.Where(e => e.Properties["CorrelationId"].ToString().Trim('"') == correlationId)
            .Select(e => e.Properties["RequestPath"].ToString().Trim('"'));
        paths.Should().Contain(["/bff/api/currency-rates", "/kernel/currency-rates"]);
    }

    [Fact]
    public async Task The_app_token_never_reaches_the_logs()
    {
        using var client = _app.InternalClient();
        await client.GetAsync("/kernel/currency-rates");
        await client.GetAsync("/bff/api/currency-rates");

        _app.Logs.AllText.Should().NotContain(EmbeddedApp.AppToken).And.NotContain(AppTokenClientHandler.TokenFor(EmbeddedApp.AppToken, "/kernel"));
    }
}
