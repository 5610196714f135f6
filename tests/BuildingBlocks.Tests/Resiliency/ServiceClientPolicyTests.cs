using System.Net;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Tests.Resiliency;

/// <summary>
/// Calls between apps get the same policy in both profiles: the app target's timeout (daprd, or built here when
/// Embedded) and, by the caller, retries of repeatable calls only; a POST is repeated only with an idempotency key.
/// </summary>
public sealed class ServiceClientPolicyTests : IAsyncLifetime
{
    private const string Policies = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: resiliency
        spec:
          policies:
            timeouts:
              internal: 1500ms
            retries:
              internalRetry:
                policy: constant
                duration: 10ms
                maxRetries: 2
                matching:
                  httpStatusCodes: "502-504"
          targets:
            apps:
              kernel:
                timeout: internal
        """;

    private readonly TestComponents _components = new(Policies);
    private int _calls;
    private TestDatabase _database = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Fails the first call of each request kind, then succeeds.
        _host = await TestHost.StartAsync(_database, app =>
            {
                app.MapGet("/kernel/flaky", Flaky);
                app.MapPost("/kernel/flaky", Flaky);
                app.MapGet("/kernel/slow", async (CancellationToken ct) =>
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), ct);
                    return Results.Ok();
                });
            },
            _components.Folder,
            services: services => services.AddServiceClient<KernelProbe>("kernel", from: "bff"),
            hostedApps: ["kernel"]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        _components.Dispose();
    }

    private IResult Flaky() => Interlocked.Increment(ref _calls) % 2 == 1 ? Results.StatusCode(503) : Results.Ok();

    private HttpClient Kernel => _host.Services.GetRequiredService<KernelProbe>().Http;

    [Fact]
    public async Task A_GET_that_meets_a_gateway_error_is_retried()
    {
        var response = await Kernel.GetAsync("flaky");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _calls.Should().Be(2);
    }

    [Fact]
    public async Task A_POST_without_an_idempotency_key_is_never_repeated()
    {
        var response = await Kernel.PostAsync("flaky", null);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _calls.Should().Be(1);
    }

    [Fact]
    public async Task A_POST_with_an_idempotency_key_is_retried()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "flaky");
        request.Headers.Add(ResiliencyPipelines.IdempotencyKeyHeader, "order-1");

        var response = await Kernel.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _calls.Should().Be(2);
    }

    [Fact]
    public async Task The_app_targets_timeout_applies_as_daprd_would()
    {
        var call = () => Kernel.GetAsync("slow");

        await call.Should().ThrowAsync<Polly.Timeout.TimeoutRejectedException>();
    }

    public sealed class KernelProbe(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
