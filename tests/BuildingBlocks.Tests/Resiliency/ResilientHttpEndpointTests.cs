using System.Net;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.Embedded.Runtime.Resiliency;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GamesDrop.BuildingBlocks.Tests.Resiliency;

/// <summary>An HTTPEndpoint client in the Embedded profile gets resiliency.yaml's policies for that endpoint.</summary>
public sealed class ResilientHttpEndpointTests : IAsyncLifetime
{
    private const string Policies = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: resiliency
        spec:
          policies:
            timeouts:
              quick: 1500ms
            retries:
              transient:
                policy: constant
                duration: 10ms
                maxRetries: 2
                matching:
                  httpStatusCodes: "503"
            circuitBreakers:
              supplierCB:
                maxRequests: 1
                timeout: 1s
                trip: consecutiveFailures > 2
          targets:
            apps:
              flaky-api:
                timeout: quick
                retry: transient
                circuitBreaker: supplierCB
        """;

    private readonly TestComponents _components = new(Policies);
    private readonly Queue<Func<Task<IResult>>> _script = new();
    private int _calls;
    private TestDatabase _database = null!;
    private TestHost _upstream = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _upstream = await TestHost.StartAsync(_database, app =>
        {
            app.MapGet("/flaky", async () =>
            {
                Interlocked.Increment(ref _calls);
                return _script.Count > 1 ? await _script.Dequeue()() : await _script.Peek()();
            });
            app.MapGet("/headers", (HttpRequest request) => string.Join(',', request.Headers.Keys.Order()));
        }, _components.Folder);
        _host = await TestHost.StartAsync(_database, _ => { }, _components.Folder,
            settings: new Dictionary<string, string?> { ["HttpEndpoints:flaky-api:BaseUrl"] = _upstream.Client.BaseAddress!.ToString() },
            services: s => s.AddHttpEndpointClient<FlakyApi>("flaky-api"));
        // Warm both hosts up so the first scripted call is not slowed into a timeout by JIT on a busy machine.
        Answer(Status(200));
        await CallAsync();
        _script.Clear();
        _calls = 0;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
        await _database.DisposeAsync();
        _components.Dispose();
    }

    private void Answer(params Func<Task<IResult>>[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    private static Func<Task<IResult>> Status(int code) => () => Task.FromResult(Results.StatusCode(code));

    private Task<HttpResponseMessage> CallAsync() => _host.Services.GetRequiredService<FlakyApi>().Http.GetAsync("flaky");

    [Fact]
    public async Task Matching_statuses_are_retried_with_the_policy_and_then_succeed()
    {
        Answer(Status(503), Status(503), Status(200));

        var response = await CallAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _calls.Should().Be(3);
    }

    [Fact]
    public async Task Statuses_outside_matching_are_not_retried()
    {
        Answer(Status(500));

        (await CallAsync()).StatusCode.Should().Be(HttpStatusCode.InternalServerError);

        _calls.Should().Be(1);
    }

    [Fact]
    public async Task Breaker_opens_after_the_trip_then_recovers_after_its_timeout()
    {
        Answer(Status(500));
        for (var i = 0; i < 3; i++)
        {
            (await CallAsync()).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        }

        await FluentActions.Awaiting(CallAsync).Should().ThrowAsync<BrokenCircuitException>();
        _calls.Should().Be(3, "an open circuit fails fast without calling the supplier");
        _host.Services.GetRequiredService<CircuitBreakers>().StateOf("flaky-api").Should().Be(BreakerState.Open);

        _script.Clear();
        Answer(Status(200));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        (await CallAsync()).StatusCode.Should().Be(HttpStatusCode.OK);
        _host.Services.GetRequiredService<CircuitBreakers>().StateOf("flaky-api").Should().Be(BreakerState.Closed);
    }

    [Fact]
    public async Task A_hanging_call_times_out_per_attempt()
    {
        Answer(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return Results.Ok();
        });

        await FluentActions.Awaiting(CallAsync).Should().ThrowAsync<TimeoutRejectedException>();
    }

    // daprd strips the caller's dapr-api-token and gives a named HTTPEndpoint no app token; Embedded must not leak it either.
    [Fact]
    public async Task The_partner_never_sees_the_callers_app_token()
    {
        var headers = await _host.Services.GetRequiredService<FlakyApi>().Http.GetStringAsync("headers");

        headers.Split(',').Should().NotContain(h => h.Equals("dapr-api-token", StringComparison.OrdinalIgnoreCase)).And.NotBeEmpty();
    }

    // daprd invokes a URL-shaped id (/v1.0/invoke/https://host/method/x) through the app's own channel, which adds
    // APP_API_TOKEN: the partner would receive the token that opens every app. Only named HTTPEndpoints are allowed.
    [Theory]
    [InlineData("https://api.example.com")]
    [InlineData("api.example.com")]
    [InlineData("Flaky-Api")]
    [InlineData("")]
    public void A_client_names_an_HTTPEndpoint_resource_never_a_URL(string name)
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => services.AddHttpEndpointClient<FlakyApi>(name)).Should().Throw<ArgumentException>();
    }

    public sealed class FlakyApi(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
