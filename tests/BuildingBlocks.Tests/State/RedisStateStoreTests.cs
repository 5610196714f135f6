using GamesDrop.BuildingBlocks.State;
using GamesDrop.Embedded.Runtime.State;
using GamesDrop.TestSupport;
using StackExchange.Redis;

namespace GamesDrop.BuildingBlocks.Tests.State;

public sealed class RedisStateStoreTests : IAsyncLifetime
{
    private readonly string _appId = "app" + Guid.NewGuid().ToString("N")[..8];
    private ConnectionMultiplexer _redis = null!;
    private IStateStore _store = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        _store = new RedisStateStore(_redis, _appId);
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private sealed record Cart(string Owner, int Items);

    [Fact]
    public async Task Saved_value_reads_back_with_an_etag_under_daprs_key_layout()
    {
        (await _store.TrySaveAsync("cart-1", new Cart("ann", 2))).Should().BeTrue();

        var entry = await _store.GetAsync<Cart>("cart-1");

        entry!.Value.Should().Be(new Cart("ann", 2));
        entry.ETag.Should().Be("1");
        var hash = await _redis.GetDatabase().HashGetAllAsync($"{_appId}||cart-1");
        hash.Select(h => h.Name.ToString()).Should().BeEquivalentTo(["data", "version"]);
    }

    [Fact]
    public async Task Missing_key_reads_as_null()
    {
        (await _store.GetAsync<Cart>("nobody")).Should().BeNull();
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        await _store.TrySaveAsync("cart-2", new Cart("ann", 1));
        var read = await _store.GetAsync<Cart>("cart-2");
        (await _store.TrySaveAsync("cart-2", new Cart("ann", 2), read!.ETag)).Should().BeTrue();

        var stale = await _store.TrySaveAsync("cart-2", new Cart("ann", 99), read.ETag);

        stale.Should().BeFalse();
        (await _store.GetAsync<Cart>("cart-2"))!.Value.Items.Should().Be(2);
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_only_the_first_wins()
    {
        await _store.TrySaveAsync("cart-3", new Cart("ann", 0));
        var etag = (await _store.GetAsync<Cart>("cart-3"))!.ETag;

        var results = await Task.WhenAll(Enumerable.Range(1, 20)
            .Select(i => _store.TrySaveAsync("cart-3", new Cart("ann", i), etag)));

        results.Count(won => won).Should().Be(1);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_keeps_the_value()
    {
        await _store.TrySaveAsync("cart-4", new Cart("ann", 1));
        var etag = (await _store.GetAsync<Cart>("cart-4"))!.ETag;
        await _store.TrySaveAsync("cart-4", new Cart("ann", 2));

        (await _store.TryDeleteAsync("cart-4", etag)).Should().BeFalse();
        (await _store.GetAsync<Cart>("cart-4")).Should().NotBeNull();
        (await _store.TryDeleteAsync("cart-4")).Should().BeTrue();
        (await _store.GetAsync<Cart>("cart-4")).Should().BeNull();
    }

    [Fact]
    public async Task Value_saved_with_a_ttl_carries_it_on_the_redis_key()
    {
        await _store.TrySaveAsync("session-1", new Cart("ann", 1), ttl: TimeSpan.FromMinutes(5));

        var ttl = await _redis.GetDatabase().KeyTimeToLiveAsync($"{_appId}||session-1");

        ttl.Should().NotBeNull();
        ttl!.Value.Should().BeGreaterThan(TimeSpan.FromMinutes(4)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Value_saved_with_a_short_ttl_expires()
    {
        await _store.TrySaveAsync("session-2", new Cart("ann", 1), ttl: TimeSpan.FromSeconds(1));

        (await Eventually.HoldsAsync(async () => await _store.GetAsync<Cart>("session-2") is null, TimeSpan.FromSeconds(5)))
            .Should().BeTrue();
    }
}
