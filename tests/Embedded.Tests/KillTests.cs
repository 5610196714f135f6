using System.Net.Http.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace GamesDrop.Embedded.Tests;

/// <summary>
/// The host killed with SIGKILL in the middle of its work, then started again on the same database: nothing it was doing is
/// lost or done twice. Each waits for conditions, never for a time; the kill comes once the work is seen under way.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SmtpSink _mail = null!;
    private SandboxHost _sandbox = null!;
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _mail = SmtpSink.Start();
        var port = EmbeddedApp.FreePort();
        // A catalog large enough that a sync takes many pages.
        _sandbox = SandboxHost.Start($"http://127.0.0.1:{port}/suppliers/webhooks/", new Dictionary<string, string?> { ["Sandbox:Catalog:Products"] = "3000" });
        _host = await HostProcess.StartAsync(port, _database.ConnectionString, _mail, _sandbox.StoreSettings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
        _mail.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Killed_mid_sync_the_next_sync_leaves_the_catalog_equal_to_the_suppliers()
    {
        using (var admin = _sandbox.Admin())
        {
            // Slow pages (the sync asks for several at once), so the sync is surely mid-way when it is seen running.
            (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { latencyMs = 600 })).EnsureSuccessStatusCode();
        }
        using (var client = _host.Client())
        {
            (await client.PostAsync("/suppliers/sync/kinguin?full=true", null)).EnsureSuccessStatusCode();
            (await Eventually.HoldsAsync(async () => await KinguinOffersAsync() > 0 && await ProgressAsync(client) is { Running: true },
                TimeSpan.FromMinutes(2))).Should().BeTrue("the sync gets under way");
        }

        await _host.KillAsync();
        var writtenBeforeKill = await KinguinOffersAsync();
        using (var admin = _sandbox.Admin())
        {
            (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { })).EnsureSuccessStatusCode();
        }
        await _host.StartAsync();
        var resumed = await SyncAsync();
        var check = await SyncAsync();

        output.WriteLine($"killed with {writtenBeforeKill} offers written; the next sync read {resumed.Offers} (created {resumed.Created}, updated {resumed.Updated})");
        writtenBeforeKill.Should().BeGreaterThan(0).And.BeLessThan(resumed.Offers, "the kill came mid-sync");
        resumed.Error.Should().BeNull();
        (check.Created, check.Updated, check.Error).Should().Be((0, 0, null), "after the resumed sync the catalog holds exactly what the supplier lists");
        (await KinguinOffersAsync()).Should().Be(check.Offers - check.Quarantined);
    }

    [Fact]
    public async Task Killed_mid_delivery_every_event_reaches_its_handler_exactly_once()
    {
        const int Events = 1000;
        // A backlog no host has seen yet, published while none runs, so the next one is surely delivering when it is killed.
        await _host.KillAsync();
        await ScalarAsync<int>(PublishRegistrationAttempts(Events));
        // Watched from launch, not from readiness: on a loaded machine the backlog can be through before the host reports ready.
        _host.Launch();
        // Undelivered counts events not yet relayed too: when delivery keeps pace with the relay, the deliveries table alone
        // rarely holds an undelivered row.
        (await Eventually.HoldsAsync(async () => await ScalarAsync<bool>("""
            SELECT (SELECT count(*) FROM messaging.deliveries WHERE delivered_at IS NOT NULL) >= 50
               AND EXISTS (SELECT 1 FROM messaging.outbox o LEFT JOIN messaging.deliveries d ON d.message_id = o.id
                           WHERE o.topic = 'registration-attempted' AND d.delivered_at IS NULL)
            """), TimeSpan.FromMinutes(2))).Should().BeTrue("deliveries are under way: " + string.Join(" | ", await QueryAsync<string>("""
            SELECT format('outbox %s relayed %s failed %s err %s src %s', count(*), count(relayed_at), count(*) FILTER (WHERE attempts > 0), max(last_error), string_agg(DISTINCT source, ',')) FROM messaging.outbox
            UNION ALL SELECT format('deliveries %s delivered %s dead %s err %s', count(*), count(delivered_at), count(dead_at), max(last_error)) FROM messaging.deliveries
            """)) + "\nthe host's last output:\n" + _host.LastOutput);

        await _host.KillAsync();
        var undeliveredAtKill = await ScalarAsync<int>("""
            SELECT count(*)::int FROM messaging.outbox o LEFT JOIN messaging.deliveries d ON d.message_id = o.id
            WHERE o.topic = 'registration-attempted' AND d.delivered_at IS NULL
            """);
        await _host.StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var allDelivered = await Eventually.HoldsAsync(async () =>
            await ScalarAsync<int>("SELECT count(*)::int FROM messaging.deliveries WHERE delivered_at IS NULL AND dead_at IS NULL") == 0,
            TimeSpan.FromMinutes(5));

        output.WriteLine($"{undeliveredAtKill} of {Events} events undelivered at the kill; all delivered {clock.Elapsed.TotalSeconds:0.0} s after the restart");
        undeliveredAtKill.Should().BeGreaterThan(0, "the kill came mid-delivery");
        allDelivered.Should().BeTrue("every event is delivered after the restart");
        (await ScalarAsync<int>("SELECT count(*)::int FROM messaging.dead_letters")).Should().Be(0);
        var perEvent = (await QueryAsync<int>("""
            SELECT count(d.id)::int FROM messaging.outbox o
            LEFT JOIN notifier.deliveries d ON d.event_id = o.id::text AND d.channel = 'mail'
            WHERE o.topic = 'registration-attempted'
            GROUP BY o.id
            """)).ToList();
        perEvent.Should().HaveCount(Events).And.OnlyContain(count => count == 1, "each event's handler queued its mail exactly once");
    }

    /// <summary>What the kernel's outbox holds after that many sign-ups with a taken email: one event each, not yet relayed.</summary>
    private static string PublishRegistrationAttempts(int count) => $"""
        WITH published AS (
            INSERT INTO messaging.outbox (id, source, pubsub_name, topic, data)
            SELECT gen_random_uuid(), '{EmbeddedHost.Id}', 'pubsub', '{Topics.RegistrationAttempted}', jsonb_build_object(
                'email', 'taken' || i || '@example.com', 'displayName', 'Taken',
                'signInLink', 'http://127.0.0.1/account/sign-in', 'resetLink', 'http://127.0.0.1/account/reset')
            FROM generate_series(1, {count}) AS i
            RETURNING 1)
        SELECT count(*)::int FROM published
        """;

    private Task<int> KinguinOffersAsync() => ScalarAsync<int>("SELECT count(*)::int FROM supplier_offers WHERE supplier_code = 'kinguin'");

    private async Task<SyncStatus> SyncAsync()
    {
        using var client = _host.Client();
        var before = await ProgressAsync(client);
        (await client.PostAsync("/suppliers/sync/kinguin?full=true", null)).EnsureSuccessStatusCode();
        SyncStatus? status = null;
        (await Eventually.HoldsAsync(async () =>
        {
            status = await ProgressAsync(client);
            return status is { Running: false } && status.RunId != before?.RunId;
        }, TimeSpan.FromMinutes(3))).Should().BeTrue("the sync finishes");
        return status!;
    }

    private static async Task<SyncStatus?> ProgressAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<SyncStatus>>("/suppliers/sync/progress"))!.FirstOrDefault(s => s.Supplier == "kinguin");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        return await connection.QuerySingleAsync<T>(sql);
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        return await connection.QueryAsync<T>(sql);
    }
}
