using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Tests.DaprAdapters;

/// <summary>The Dapr profile's adapters, through a real DaprClient, against a fake daprd on loopback.</summary>
public sealed class DaprAdapterTests : IAsyncLifetime
{
    private const string SidecarToken = "sidecar-token";
    private readonly TestComponents _components = new(TestComponents.FastRedelivery);
    private FakeDaprSidecar _sidecar = null!;
    private TestDatabase _database = null!;
    private TestHost _host = null!;

    static DaprAdapterTests() =>
        // Dapr's InvocationHandler reads the sidecar token from the environment only.
        Environment.SetEnvironmentVariable("DAPR_API_TOKEN", SidecarToken);

    public async Task InitializeAsync()
    {
        _sidecar = await FakeDaprSidecar.StartAsync();
        _database = await TestDatabase.CreateAsync();
        _host = await TestHost.StartAsync(_database, _ => { }, _components.Folder, RuntimeProfile.Dapr,
            new Dictionary<string, string?>
            {
                ["DAPR_GRPC_ENDPOINT"] = _sidecar.GrpcEndpoint,
                ["DAPR_HTTP_ENDPOINT"] = _sidecar.HttpEndpoint,
            },
            services =>
            {
                services.AddStateStore("bff");
                services.AddServiceClient<KernelProbe>("kernel");
            },
            hostedApps: ["bff"]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sidecar.DisposeAsync();
        await _database.DisposeAsync();
        _components.Dispose();
    }

    [Fact]
    public async Task Outbox_events_are_published_to_the_pubsub_component_with_their_outbox_id()
    {
        await _host.Services.GetRequiredService<IEventPublisher>().PublishAsync("order-completed", new { orderId = "o-1" });

        (await Eventually.HoldsAsync(() => Task.FromResult(!_sidecar.Published.IsEmpty))).Should().BeTrue();
        var published = _sidecar.Published.Single();
        published.PubsubName.Should().Be("pubsub");
        published.Topic.Should().Be("order-completed");
        published.DataContentType.Should().Be("application/json");
        JsonDocument.Parse(published.Data.ToStringUtf8()).RootElement.GetProperty("orderId").GetString().Should().Be("o-1");
        await using var connection = await _host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var outboxId = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM messaging.outbox");
        published.Metadata["cloudevent.id"].Should().Be(outboxId.ToString());
        published.Metadata["cloudevent.source"].Should().Be(TestHost.HostId);
        (await Eventually.HoldsAsync(async () =>
            await connection.ExecuteScalarAsync<bool>("SELECT relayed_at IS NOT NULL FROM messaging.outbox"))).Should().BeTrue();
    }

    [Fact]
    public async Task State_goes_to_the_statestore_component_with_etag_first_write_and_ttl()
    {
        var store = _host.Services.GetRequiredKeyedService<IStateStore>("bff");

        (await store.TrySaveAsync("cart-1", new { items = 1 }, ttl: TimeSpan.FromMinutes(30))).Should().BeTrue();
        var entry = await store.GetAsync<JsonElement>("cart-1");
        var stale = await store.TrySaveAsync("cart-1", new { items = 3 }, etag: "41");
        var fresh = await store.TrySaveAsync("cart-1", new { items = 2 }, etag: entry!.ETag);

        var first = _sidecar.Saved.First().States.Single();
        first.Key.Should().Be("cart-1");
        first.Metadata["ttlInSeconds"].Should().Be("1800");
        _sidecar.Saved.Should().AllSatisfy(s => s.StoreName.Should().Be("statestore"));
        _sidecar.Reads.Single().StoreName.Should().Be("statestore");
        entry.ETag.Should().Be("1");
        stale.Should().BeFalse("the sidecar answered an ETag mismatch");
        fresh.Should().BeTrue();
        var last = _sidecar.Saved.Last().States.Single();
        last.Etag.Value.Should().Be("1");
        last.Options.Concurrency.Should().Be(Dapr.Client.Autogen.Grpc.v1.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite);
    }

    [Fact]
    public async Task Secrets_are_read_from_the_secretstore_component()
    {
        _sidecar.Secrets["paypal-client-secret"] = "s3cr3t";

        var value = await _host.Services.GetRequiredService<ISecretStore>().GetAsync("paypal-client-secret");

        value.Should().Be("s3cr3t");
        var read = _sidecar.SecretReads.Single();
        read.StoreName.Should().Be("secretstore");
        read.Key.Should().Be("paypal-client-secret");
    }

    [Fact]
    public async Task Service_client_calls_go_through_the_sidecar_invoke_api_with_its_token()
    {
        var kernel = _host.Services.GetRequiredService<KernelProbe>();

        var reply = await kernel.Http.GetFromJsonAsync<JsonElement>("currency-rates?page=2");

        reply.GetProperty("invoked").GetString().Should().Be("kernel");
        var call = _sidecar.Invocations.Single();
        call.Method.Should().Be("GET");
        call.Path.Should().Be("/v1.0/invoke/kernel/method/currency-rates");
        call.Headers["dapr-api-token"].Should().Be(SidecarToken);
    }

    public sealed class KernelProbe(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
