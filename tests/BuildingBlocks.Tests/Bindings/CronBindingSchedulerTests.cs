using GamesDrop.ServiceDefaults.Security;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GamesDrop.BuildingBlocks.Tests.Bindings;

public sealed class CronBindingSchedulerTests : IAsyncLifetime
{
    private const string Binding = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: nightly-report
        spec:
          type: bindings.cron
          version: v1
          metadata:
            - name: schedule
              value: "@every 300ms"
            - name: direction
              value: input
        scopes:
          - orders
        """;

    private readonly TestComponents _components = new(TestComponents.FastRedelivery, Binding);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _components.Dispose();
    }

    [Fact]
    public async Task Cron_component_fires_a_post_to_the_binding_route_of_each_app_in_scope()
    {
        var orders = 0;
        var notifier = 0;
        await using var host = await TestHost.StartAsync(_database, app =>
        {
            app.MapGroup("/orders").MapPost("/nightly-report", () => { Interlocked.Increment(ref orders); return Results.Ok(); });
            app.MapGroup("/notifier").MapPost("/nightly-report", () => { Interlocked.Increment(ref notifier); return Results.Ok(); });
        }, _components.Folder);

        (await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref orders) >= 2), TimeSpan.FromSeconds(5))).Should().BeTrue();
        notifier.Should().Be(0, "the binding is scoped to the orders app");
        host.RawRequests.First(r => r.Path == "/orders/nightly-report").Headers["dapr-api-token"].Should().Be(AppTokens.Derive(TestHost.AppToken, "orders"));
    }
}
