using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.Embedded.Runtime.Bindings;
using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Tests.Bindings;

/// <summary>The Embedded queue binding refuses what the calling app's daprd would.</summary>
public sealed class EmbeddedQueueBindingTests : IAsyncLifetime
{
    private const string Bindings = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: feed-in
        spec:
          type: bindings.rabbitmq
          version: v1
          metadata:
            - name: direction
              value: "input"
        scopes:
          - orders
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: feed
        spec:
          type: bindings.rabbitmq
          version: v1
          metadata:
            - name: direction
              value: "input, output"
        scopes:
          - orders
        """;

    private readonly TestComponents _components = new(TestComponents.FastRedelivery, Bindings);
    private TestDatabase _database = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = await TestHost.StartAsync(_database, app =>
            {
                app.MapPost("/orders/feed", () => Results.Ok());
                app.MapPost("/orders/feed-in", () => Results.Ok());
            },
            _components.Folder,
            services: services => services.AddOutputBindings("orders").AddOutputBindings("notifier"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        _components.Dispose();
    }

    [Fact]
    public async Task A_binding_with_both_directions_delivers_to_its_input_route()
    {
        await Binding("orders").InvokeAsync("feed", "create", new { n = 1 });

        _host.RawRequests.Should().ContainSingle(r => r.Path == "/orders/feed").Which.Body.Should().Be("""{"n":1}""");
    }

    // Dapr docs, "Bindings overview": with direction "input" daprd creates no output side, so InvokeBinding fails.
    [Fact]
    public async Task Output_to_an_input_only_binding_is_refused()
    {
        var send = () => Binding("orders").InvokeAsync("feed-in", "create", new { n = 1 });

        await send.Should().ThrowAsync<ComponentNotFoundException>().WithMessage("*feed-in*no output side*");
        _host.RawRequests.Should().NotContain(r => r.Path == "/orders/feed-in");
    }

    // Dapr docs, "How-To: Scope components to one or more applications": other apps' sidecars never load it.
    [Fact]
    public async Task Output_from_an_app_outside_the_scopes_is_refused()
    {
        var send = () => Binding("notifier").InvokeAsync("feed", "create", new { n = 1 });

        await send.Should().ThrowAsync<ComponentNotFoundException>().WithMessage("*not scoped to app 'notifier'*");
    }

    private IOutputBinding Binding(string appId) => _host.Services.GetRequiredKeyedService<IOutputBinding>(appId);
}
