using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Tests.PubSub;

public sealed class OutboxRelayTests : IAsyncLifetime
{
    private readonly TestComponents _components = new(TestComponents.FastRedelivery);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _components.Dispose();
    }

    /// <summary>A broker that refuses one topic, as a sidecar rejecting a message would.</summary>
    private sealed class RefusingBroker(string refusedTopic) : IEventBroker
    {
        public Task<BrokerResult> PublishAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
        {
            var index = messages.ToList().FindIndex(m => m.Topic == refusedTopic);
            return Task.FromResult(index < 0
                ? new BrokerResult(messages.Count, null)
                : new BrokerResult(index, new HttpRequestException("sidecar said no")));
        }
    }

    [Fact]
    public async Task A_refused_event_is_retried_later_without_holding_back_the_others()
    {
        await using var host = await TestHost.StartAsync(_database, _ => { }, _components.Folder,
            services: s => s.AddSingleton<IEventBroker>(new RefusingBroker("poison")));
        var events = host.Services.GetRequiredService<IEventPublisher>();

        foreach (var topic in new[] { "a", "b", "poison", "c", "d" })
        {
            await events.PublishAsync(topic, new { topic });
        }

        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        (await Eventually.HoldsAsync(async () => await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM messaging.outbox WHERE relayed_at IS NOT NULL") == 4)).Should().BeTrue();
        var poison = await connection.QuerySingleAsync<(int Attempts, bool Later, string Error)>(
            "SELECT attempts, next_attempt_at > now(), last_error FROM messaging.outbox WHERE topic = 'poison'");
        poison.Attempts.Should().BeGreaterThanOrEqualTo(1);
        poison.Later.Should().BeTrue("it backs off before the next try");
        poison.Error.Should().Be("sidecar said no");
    }
}
