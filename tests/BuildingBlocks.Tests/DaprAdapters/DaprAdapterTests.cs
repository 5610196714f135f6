using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.BuildingBlocks.Tests.Actors;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        _host = await StartHostAsync(_sidecar);
    }

    private Task<TestHost> StartHostAsync(FakeDaprSidecar sidecar) =>
        TestHost.StartAsync(_database, app =>
            {
                app.MapBuildingBlocks();
                app.MapActorHosting();
                app.MapPost("/orders/thing-happened", () => Results.Ok()).WithSubscription("order-paid");
            },
            _components.Folder, RuntimeProfile.Dapr,
            new Dictionary<string, string?>
            {
                ["DAPR_GRPC_ENDPOINT"] = sidecar.GrpcEndpoint,
                ["DAPR_HTTP_ENDPOINT"] = sidecar.HttpEndpoint,
                ["Dapr:MetricsEndpoint"] = sidecar.HttpEndpoint,
            },
            services =>
            {
                services.AddStateStore("bff");
                services.AddOutputBindings("bff");
                services.AddSecretStore("bff");
                services.AddServiceClient<KernelProbe>("kernel", from: "bff");
                services.AddActorHosting("bff", o => o.Actors.RegisterActor<CounterActor>());
            },
            hostedApps: ["bff"]);

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

        var value = await _host.Services.GetRequiredKeyedService<ISecretStore>("bff").GetAsync("paypal-client-secret");

        value.Should().Be("s3cr3t");
        var read = _sidecar.SecretReads.Single();
        read.StoreName.Should().Be("secretstore");
        read.Key.Should().Be("paypal-client-secret");
    }

    // Dapr API reference, "Secrets API": a key the store does not hold is ERR_SECRET_GET, an error, not an empty map.
    [Fact]
    public async Task A_secret_the_store_does_not_hold_is_an_error_not_an_empty_answer()
    {
        var read = () => _host.Services.GetRequiredKeyedService<ISecretStore>("bff").GetAsync("admin-password");

        (await read.Should().ThrowAsync<SecretUnavailableException>()).Which.InnerException.Should().BeOfType<Dapr.DaprException>();
        _sidecar.SecretReads.Single().Key.Should().Be("admin-password");
    }

    [Fact]
    public async Task Output_bindings_go_to_the_sidecar_binding_api()
    {
        var binding = _host.Services.GetRequiredKeyedService<IOutputBinding>("bff");

        await binding.InvokeAsync("supplier-feed", "create", new { supplier = "kinguin" });

        var call = _sidecar.BindingCalls.Single();
        call.Name.Should().Be("supplier-feed");
        call.Operation.Should().Be("create");
        JsonDocument.Parse(call.Data.ToStringUtf8()).RootElement.GetProperty("supplier").GetString().Should().Be("kinguin");
    }

    [Fact]
    public async Task State_deletes_go_to_the_statestore_component()
    {
        var store = _host.Services.GetRequiredKeyedService<IStateStore>("bff");
        await store.TrySaveAsync("cart-2", new { items = 1 });

        (await store.TryDeleteAsync("cart-2")).Should().BeTrue();

        var delete = _sidecar.Deletes.Single();
        delete.StoreName.Should().Be("statestore");
        delete.Key.Should().Be("cart-2");
        (await store.GetAsync<JsonElement>("cart-2")).Should().BeNull();
    }

    // Dapr docs, "Declarative and programmatic subscription methods": daprd reads routes and dead-letter topics here.
    [Fact]
    public async Task The_subscription_list_gives_every_topic_a_dead_letter_topic_and_subscribes_to_the_dead_letters()
    {
        var list = await _host.Client.GetFromJsonAsync<JsonElement>("/dapr/subscribe");

        var entries = list.EnumerateArray().Select(e => (
            Topic: e.GetProperty("topic").GetString(),
            Pubsub: e.GetProperty("pubsubName").GetString(),
            Route: e.GetProperty("route").GetString(),
            DeadLetter: e.TryGetProperty("deadLetterTopic", out var d) ? d.GetString() : null)).ToList();
        entries.Should().BeEquivalentTo([
            (Topic: "order-paid", Pubsub: "pubsub", Route: "orders/thing-happened", DeadLetter: Contracts.Topics.DeadLetters),
            (Topic: Contracts.Topics.DeadLetters, Pubsub: "pubsub", Route: "dead-letters", DeadLetter: (string?)null),
        ]);
    }

    [Fact]
    public async Task Dead_letters_from_the_sidecar_are_recorded_once_with_their_topic()
    {
        var id = Guid.CreateVersion7();
        var body = $$$"""{"specversion":"1.0","id":"{{{id}}}","source":"kernel","type":"com.dapr.event.sent","topic":"order-paid","pubsubname":"pubsub","datacontenttype":"application/json","data":{"orderId":"o-9"}}""";

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/dead-letters") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/cloudevents+json") };
            request.Headers.Add("dapr-api-token", TestHost.AppToken);
            (await _host.Client.SendAsync(request)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        }

        await using var connection = await _host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(Guid Id, string Topic, string Data)>(
            "SELECT message_id, topic, data::text FROM messaging.dead_letters")).ToList();
        rows.Should().ContainSingle();
        rows[0].Id.Should().Be(id);
        rows[0].Topic.Should().Be("order-paid");
        JsonDocument.Parse(rows[0].Data).RootElement.GetProperty("orderId").GetString().Should().Be("o-9");
    }

    // daprd presents APP_API_TOKEN on every call to the app, actor calls included; nobody else knows it.
    [Fact]
    public async Task Actor_endpoints_refuse_callers_without_the_app_token()
    {
        using var anonymous = new HttpRequestMessage(HttpMethod.Put, "/actors/CounterActor/c-1/method/GetAsync");
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/dapr/config");
        withToken.Headers.Add("dapr-api-token", TestHost.AppToken);

        var config = await _host.Client.GetAsync("/dapr/config");
        var call = await _host.Client.SendAsync(anonymous);
        var delete = await _host.Client.DeleteAsync("/actors/CounterActor/c-1");
        var daprd = await _host.Client.SendAsync(withToken);

        config.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        call.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        delete.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        daprd.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await daprd.Content.ReadAsStringAsync()).Should().Contain("CounterActor");
    }

    [Fact]
    public async Task An_unreachable_sidecar_fails_secret_and_binding_calls_instead_of_answering_empty()
    {
        var gone = await FakeDaprSidecar.StartAsync();
        await gone.DisposeAsync();
        await using var host = await StartHostAsync(gone);

        var secret = () => host.Services.GetRequiredKeyedService<ISecretStore>("bff").GetAsync("paypal-client-secret");
        var binding = () => host.Services.GetRequiredKeyedService<IOutputBinding>("bff").InvokeAsync("supplier-feed", "create", new { });

        await secret.Should().ThrowAsync<SecretUnavailableException>();
        await binding.Should().ThrowAsync<Dapr.DaprException>();
    }

    // daprd keeps the breakers of resiliency.yaml; the app sees them only in the sidecar's metrics.
    [Fact]
    public async Task Circuit_states_are_read_from_the_sidecars_resiliency_metrics()
    {
        _sidecar.Metrics = """
            # HELP dapr_resiliency_cb_state A resiliency policy's current CircuitBreakerState state.
            # TYPE dapr_resiliency_cb_state gauge
            dapr_resiliency_cb_state{app_id="suppliers",flow_direction="outbound",name="resiliency",namespace="",policy="circuitbreaker",status="closed",target="app_kinguin-api"} 0
            dapr_resiliency_cb_state{app_id="suppliers",flow_direction="outbound",name="resiliency",namespace="",policy="circuitbreaker",status="open",target="app_kinguin-api"} 1
            dapr_resiliency_cb_state{app_id="suppliers",flow_direction="outbound",name="resiliency",namespace="",policy="circuitbreaker",status="half-open",target="app_digiflazz-api"} 1
            dapr_resiliency_count{app_id="suppliers",flow_direction="outbound",name="resiliency",namespace="",policy="circuitbreaker",status="open",target="app_paypal-api"} 1
            """;
        var circuits = _host.Services.GetRequiredService<ICircuitStates>();

        await circuits.RefreshAsync(default);

        circuits.StateOf("kinguin-api").Should().Be(BreakerState.Open);
        circuits.StateOf("digiflazz-api").Should().Be(BreakerState.HalfOpen);
        circuits.StateOf("paypal-api").Should().BeNull("only the cb_state gauge tells a state");
    }

    [Fact]
    public async Task Circuit_states_are_unknown_when_the_sidecar_metrics_cannot_be_read()
    {
        _sidecar.Metrics = """dapr_resiliency_cb_state{policy="circuitbreaker",status="open",target="app_kinguin-api"} 1""";
        var circuits = _host.Services.GetRequiredService<ICircuitStates>();
        await circuits.RefreshAsync(default);
        await _sidecar.DisposeAsync();

        await circuits.RefreshAsync(default);

        circuits.StateOf("kinguin-api").Should().BeNull();
    }

    // A daprd that stays up but never becomes ready again (dapr/dapr#10337) must show on the app's readiness.
    [Fact]
    public async Task The_app_is_ready_only_while_its_sidecar_is()
    {
        var ready = await _host.Client.GetAsync("/health/ready");
        _sidecar.Ready = false;
        var stuck = await _host.Client.GetAsync("/health/ready");
        var alive = await _host.Client.GetAsync("/health/live");

        ready.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        stuck.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        alive.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "liveness stays the app's own");
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
