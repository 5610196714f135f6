using GamesDrop.Bff.Features.Cart;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Embedded.Runtime;
using GamesDrop.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace GamesDrop.Bff.Tests.Features.Cart;

/// <summary>
/// The cart contract through the Embedded actor runtime: proxies, turns, state and reminders in real Redis. The clock the
/// reminders read is a fake one, so expiry is a jump in time, not a wait.
/// </summary>
public sealed class CartActorEmbeddedTests : CartActorContract, IAsyncLifetime
{
    // An app id of its own: the clock jump must not fire the reminders of other tests' carts in the same Redis.
    private readonly string _appId = "bff-" + Guid.NewGuid().ToString("N")[..8];
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["Actors:ReminderPollInterval"] = "00:00:00.100",
        });
        builder.Services.AddSingleton(new HostIdentity("cart-test", RuntimeProfile.Embedded, [_appId]));
        builder.Services.AddSingleton<IEmbeddedRuntime>(new EmbeddedRuntime());
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton(new CartOptions { IdleExpiry = IdleExpiry });
        builder.Services.AddRedis();
        builder.Services.AddActorHosting(_appId, o => o.Actors.RegisterActor<CartActor>());
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    protected override ICartActor Cart(string actorId) =>
        _host.Services.GetRequiredService<IActorProxies>().Create<ICartActor>(CartOwners.ActorType, actorId);

    protected override async Task<TimeSpan?> ExpiryDueInAsync(string actorId)
    {
        var due = await Redis.SortedSetScoreAsync($"{_appId}||actor-reminders", $"{CartOwners.ActorType}||{actorId}||{CartActor.IdleExpiry}");
        return due is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) - _clock.GetUtcNow() : null;
    }

    protected override async Task ExpireAsync(string actorId)
    {
        _clock.Advance(IdleExpiry + TimeSpan.FromSeconds(1));
        (await Eventually.HoldsAsync(async () => await ExpiryDueInAsync(actorId) is null)).Should().BeTrue("the reminder fires and is gone");
    }

    private IDatabase Redis => _host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
}
