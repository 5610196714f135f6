using System.Diagnostics;
using System.Text.Json;
using Dapper;
using GamesDrop.ServiceDefaults.Security;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Embedded.Runtime.PubSub;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Tests.PubSub;

public sealed class EmbeddedPubSubTests : IAsyncLifetime
{
    private const string Topic = "thing-happened";
    private static readonly ActivitySource Tracing = new("GamesDrop.Tests");
    private readonly TestComponents _components = new(TestComponents.FastRedelivery);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _components.Dispose();
    }

    private Task<TestHost> StartAsync(Subscriber subscriber, Subscriber? deadLetters = null) =>
        TestHost.StartAsync(_database, app =>
        {
            app.MapGroup("/orders").MapPost("/events/thing-happened", (ThingHappened thing) => subscriber.Handle(thing))
                .WithTopic(new Dapr.TopicOptions { PubsubName = "pubsub", Name = Topic, DeadLetterTopic = "thing-happened-dead" });
            if (deadLetters is not null)
            {
                app.MapGroup("/notifier").MapPost("/events/thing-dead", (ThingHappened thing) => deadLetters.Handle(thing))
                    .WithTopic("pubsub", "thing-happened-dead");
            }
        }, _components.Folder);

    [Fact]
    public async Task Published_event_reaches_the_WithTopic_endpoint_as_a_Dapr_CloudEvent()
    {
        var subscriber = new Subscriber();
        await using var host = await StartAsync(subscriber);
        string traceId;

        using (var request = Tracing.StartActivity("a request that publishes"))
        {
            traceId = request!.TraceId.ToHexString();
            await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("sword", 2));
        }

        var delivered = await Eventually.HoldsAsync(() => Task.FromResult(subscriber.Received.Count == 1));

        delivered.Should().BeTrue();
        subscriber.Received.Single().Should().Be(new ThingHappened("sword", 2));
        var raw = host.RawRequests.Single(r => r.Path == "/orders/events/thing-happened");
        raw.ContentType.Should().Be("application/cloudevents+json");
        raw.Headers["dapr-api-token"].Should().Be(AppTokens.Derive(TestHost.AppToken, "orders"), "the receiving app's own token");
        raw.Headers.Should().ContainKey("traceparent");
        using var envelope = JsonDocument.Parse(raw.Body);
        var root = envelope.RootElement;
        root.GetProperty("specversion").GetString().Should().Be("1.0");
        root.GetProperty("type").GetString().Should().Be("com.dapr.event.sent");
        root.GetProperty("source").GetString().Should().Be(TestHost.HostId);
        root.GetProperty("topic").GetString().Should().Be(Topic);
        root.GetProperty("pubsubname").GetString().Should().Be("pubsub");
        root.GetProperty("datacontenttype").GetString().Should().Be("application/json");
        Guid.TryParse(root.GetProperty("id").GetString(), out _).Should().BeTrue();
        root.GetProperty("traceparent").GetString()!.Split('-')[1].Should().Be(traceId);
        raw.Headers["traceparent"].Split('-')[1].Should().Be(traceId, "the delivery continues the publisher's trace");
        root.GetProperty("data").GetProperty("name").GetString().Should().Be("sword");
        root.GetProperty("data").GetProperty("count").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Event_published_in_a_rolled_back_transaction_is_never_delivered()
    {
        var subscriber = new Subscriber();
        await using var host = await StartAsync(subscriber);
        var db = host.Services.GetRequiredService<NpgsqlDataSource>();
        var events = host.Services.GetRequiredService<IEventPublisher>();

        await using (var connection = await db.OpenConnectionAsync())
        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            await events.PublishAsync(Topic, new ThingHappened("ghost", 1), rolledBack);
            await rolledBack.RollbackAsync();
        }
        await using (var connection = await db.OpenConnectionAsync())
        await using (var committed = await connection.BeginTransactionAsync())
        {
            await events.PublishAsync(Topic, new ThingHappened("real", 1), committed);
            await committed.CommitAsync();
        }

        (await Eventually.HoldsAsync(() => Task.FromResult(subscriber.Received.Count == 1))).Should().BeTrue();
        await Task.Delay(500);
        subscriber.Received.Select(t => t.Name).Should().Equal("real");
    }

    [Fact]
    public async Task Event_being_delivered_when_the_host_stops_is_delivered_by_the_next_host()
    {
        var before = new Subscriber(Subscriber.Hangs);
        var host = await StartAsync(before);
        await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("durable", 7));
        (await Eventually.HoldsAsync(() => Task.FromResult(before.Calls >= 1))).Should().BeTrue();
        await host.DisposeAsync();

        var after = new Subscriber();
        await using var restarted = await StartAsync(after);

        (await Eventually.HoldsAsync(() => Task.FromResult(after.Received.Count == 1))).Should().BeTrue();
        after.Received.Single().Should().Be(new ThingHappened("durable", 7));
    }

    [Fact]
    public async Task Event_that_is_never_delivered_survives_a_stop_before_its_relay()
    {
        var first = await StartAsync(new Subscriber());
        await first.App.StopAsync();
        await first.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("while-down", 1));
        await first.DisposeAsync();

        var subscriber = new Subscriber();
        await using var host = await StartAsync(subscriber);

        (await Eventually.HoldsAsync(() => Task.FromResult(subscriber.Received.Count == 1))).Should().BeTrue();
        subscriber.Received.Single().Name.Should().Be("while-down");
    }

    [Fact]
    public async Task Failing_subscriber_is_retried_until_it_succeeds()
    {
        var subscriber = new Subscriber(Results.StatusCode(500), Results.StatusCode(500), Results.Ok());
        await using var host = await StartAsync(subscriber);

        await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("flaky", 1));

        (await Eventually.HoldsAsync(async () => await DeliveredAsync(host) == 1)).Should().BeTrue();
        subscriber.Calls.Should().Be(3);
        (await DeadLettersAsync(host)).Should().BeEmpty();
    }

    [Fact]
    public async Task Subscriber_that_keeps_failing_is_dead_lettered_after_the_configured_retries()
    {
        var subscriber = new Subscriber(Results.StatusCode(500));
        var deadLetters = new Subscriber();
        await using var host = await StartAsync(subscriber, deadLetters);

        await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("poison", 1));

        (await Eventually.HoldsAsync(async () => (await DeadLettersAsync(host)).Count == 1)).Should().BeTrue();
        var dead = (await DeadLettersAsync(host)).Single();
        dead.Route.Should().Be("/orders/events/thing-happened");
        dead.Attempts.Should().Be(4, "one delivery plus maxRetries: 3 of the pubsub inbound policy");
        subscriber.Calls.Should().Be(4);
        (await Eventually.HoldsAsync(() => Task.FromResult(deadLetters.Received.Count == 1))).Should().BeTrue();
        deadLetters.Received.Single().Name.Should().Be("poison");
    }

    [Fact]
    public async Task Subscriber_answers_are_read_as_daprd_reads_them()
    {
        var notFound = new Subscriber(Results.NotFound());
        await using (var host = await StartAsync(notFound))
        {
            await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("gone", 1));
            (await Eventually.HoldsAsync(async () => await DeliveredAsync(host) == 1)).Should().BeTrue();
            notFound.Calls.Should().Be(1, "404 drops the event");
        }

        var retryThenDrop = new Subscriber(Results.Json(new { status = "RETRY" }), Results.Json(new { status = "DROP" }));
        await using (var host = await StartAsync(retryThenDrop))
        {
            await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("asked", 1));
            (await Eventually.HoldsAsync(async () => await DeliveredAsync(host) == 2)).Should().BeTrue();
            retryThenDrop.Calls.Should().Be(2, "RETRY redelivers, DROP settles it");
        }
    }

    [Fact]
    public async Task Every_subscribed_route_gets_its_own_copy()
    {
        var orders = new Subscriber();
        var notifier = new Subscriber();
        await using var host = await TestHost.StartAsync(_database, app =>
        {
            app.MapPost("/orders/events/a", (ThingHappened t) => orders.Handle(t)).WithSubscription(Topic);
            app.MapPost("/notifier/events/b", (ThingHappened t) => notifier.Handle(t)).WithSubscription(Topic);
        }, _components.Folder);

        await host.Services.GetRequiredService<IEventPublisher>().PublishAsync(Topic, new ThingHappened("both", 1));

        (await Eventually.HoldsAsync(() => Task.FromResult(orders.Received.Count == 1 && notifier.Received.Count == 1))).Should().BeTrue();
    }

    private static async Task<int> DeliveredAsync(TestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM messaging.deliveries WHERE delivered_at IS NOT NULL");
    }

    [Fact]
    public async Task A_subscription_without_a_dead_letter_topic_is_refused_as_daprd_would_loop_on_it()
    {
        await using var host = await TestHost.StartAsync(_database, app =>
            app.MapPost("/orders/events/bare", (ThingHappened _) => Results.Ok()).WithTopic("pubsub", Topic), _components.Folder);

        var read = () => host.Services.GetRequiredService<TopicSubscriptions>().All;

        read.Should().Throw<InvalidOperationException>().WithMessage("*/orders/events/bare*without a dead-letter topic*");
    }

    [Fact]
    public async Task Subscriptions_are_read_only_once_the_server_has_built_its_pipeline_so_a_backlog_is_not_fanned_out_to_nobody()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TopicSubscriptions>();
        await using var app = builder.Build();
        app.MapPost("/orders/events/early", (ThingHappened _) => Results.Ok()).WithSubscription(Topic);
        var subscriptions = app.Services.GetRequiredService<TopicSubscriptions>();

        var loaded = subscriptions.LoadedAsync(CancellationToken.None);
        var beforeStart = subscriptions.All;
        await app.StartAsync();

        beforeStart.Should().BeEmpty("the mapped endpoints reach the data source only as the server starts");
        (await loaded).Should().ContainSingle().Which.Route.Should().Be("/orders/events/early");
        await app.StopAsync();
    }

    [Fact]
    public async Task WithSubscription_names_the_pubsub_component_and_the_dead_letter_topic()
    {
        await using var host = await TestHost.StartAsync(_database, app =>
            app.MapPost("/orders/events/guarded", (ThingHappened _) => Results.Ok()).WithSubscription(Topic), _components.Folder);

        var subscription = host.Services.GetRequiredService<TopicSubscriptions>().All.Single();

        subscription.Should().Be(new TopicSubscription("pubsub", Topic, "/orders/events/guarded", Contracts.Topics.DeadLetters));
    }

    private static async Task<List<DeadLetterRow>> DeadLettersAsync(TestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return (await connection.QueryAsync<DeadLetterRow>("SELECT route AS Route, attempts AS Attempts FROM messaging.dead_letters")).ToList();
    }

    private sealed record DeadLetterRow(string Route, int Attempts);
}
