using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Embedded.Runtime;
using GamesDrop.Embedded.Runtime.Actors;
using GamesDrop.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace GamesDrop.BuildingBlocks.Tests.Actors;

public sealed class EmbeddedActorsTests : IAsyncLifetime
{
    private readonly string _appId = "app" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _actorId = Guid.NewGuid().ToString("N");
    private readonly List<IHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task Fifty_parallel_calls_to_one_actor_take_turns_and_lose_nothing()
    {
        var host = await StartAsync();
        var counter = Counter(host);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => counter.AddAsync(1)));

        results.Should().BeEquivalentTo(Enumerable.Range(1, 50));
        (await counter.GetAsync()).Should().Be(50);
        host.Services.GetRequiredService<EmbeddedActorRuntime>().ActiveIds.Should().Be(0, "an id's lock goes once nobody waits on it");
    }

    [Fact]
    public async Task State_outlives_the_host_under_daprs_actor_key_layout()
    {
        var first = await StartAsync();
        await Counter(first).AddAsync(5);
        await first.StopAsync();

        var second = await StartAsync();
        var count = await Counter(second).GetAsync();

        count.Should().Be(5);
        var hash = await Redis(second).HashGetAllAsync($"{_appId}||CounterActor||{_actorId}||count");
        hash.ToDictionary(h => h.Name.ToString(), h => h.Value.ToString()).Should().Equal(new Dictionary<string, string>
        {
            ["data"] = "5",
            ["version"] = "1",
        });
    }

    [Fact]
    public async Task A_method_that_fails_saves_nothing_it_wrote()
    {
        var host = await StartAsync();
        var counter = Counter(host);
        await counter.AddAsync(3);

        var failing = () => counter.FailAfterWritingAsync();

        await failing.Should().ThrowAsync<InvalidOperationException>();
        (await counter.GetAsync()).Should().Be(3);
    }

    [Fact]
    public async Task A_reminder_fires_once_in_a_turn_of_its_actor_and_is_then_gone()
    {
        var host = await StartAsync();
        var counter = Counter(host);

        await counter.RemindAsync(TimeSpan.FromMilliseconds(100));

        // The poller removes a one-shot reminder after the turn that fired it, so the removal may trail the firing.
        (await Eventually.HoldsAsync(async () => (await counter.FiredAsync()).Count > 0)).Should().BeTrue();
        (await Eventually.HoldsAsync(async () => await Redis(host).SortedSetLengthAsync($"{_appId}||actor-reminders") == 0)).Should().BeTrue();
        (await counter.FiredAsync()).Should().Equal("ping:hello");
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        // The first host polls once at start, before anything is due, so only the second can fire the reminder.
        var first = await StartAsync(pollInterval: TimeSpan.FromHours(1));
        await Counter(first).RemindAsync(TimeSpan.FromMilliseconds(100));
        await first.StopAsync();

        var second = await StartAsync();

        (await Eventually.HoldsAsync(async () => (await Counter(second).FiredAsync()).Count > 0)).Should().BeTrue();
    }

    [Fact]
    public async Task Registering_a_reminder_again_moves_it_instead_of_adding_one()
    {
        var host = await StartAsync();
        var counter = Counter(host);

        await counter.RemindAsync(TimeSpan.FromHours(1));
        await counter.RemindAsync(TimeSpan.FromHours(2));

        var due = await Redis(host).SortedSetRangeByRankWithScoresAsync($"{_appId}||actor-reminders");
        due.Should().ContainSingle();
        DateTimeOffset.FromUnixTimeMilliseconds((long)due[0].Score).Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(2), TimeSpan.FromMinutes(5));
    }

    private ICounterActor Counter(IHost host) =>
        host.Services.GetRequiredService<IActorProxies>().Create<ICounterActor>(nameof(CounterActor), _actorId);

    private static IDatabase Redis(IHost host) => host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    private async Task<IHost> StartAsync(TimeSpan? pollInterval = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["Actors:ReminderPollInterval"] = (pollInterval ?? TimeSpan.FromMilliseconds(100)).ToString(),
        });
        builder.Services.AddSingleton(new HostIdentity("test-host", RuntimeProfile.Embedded, [_appId]));
        builder.Services.AddSingleton<IEmbeddedRuntime>(new EmbeddedRuntime());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRedis();
        builder.Services.AddActorHosting(_appId, o => o.Actors.RegisterActor<CounterActor>());
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }
}
