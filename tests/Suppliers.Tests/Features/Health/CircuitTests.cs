using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using GamesDrop.TestSupport;

namespace GamesDrop.Suppliers.Tests.Features.Health;

/// <summary>The supplier breaker from resiliency.yaml (its open time shortened) opens on failures and closes on recovery.</summary>
public sealed class CircuitTests : IAsyncLifetime
{
    private string _components = null!;
    private StoreWithSandbox _store = null!;

    public async Task InitializeAsync()
    {
        _components = CopyComponentsWithQuickBreaker();
        _store = await StoreWithSandbox.StartAsync(new Dictionary<string, string?> { ["GamesDrop:ComponentsPath"] = _components });
        await _store.SyncAsync("kinguin", full: true);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_components, recursive: true);
    }

    // The repository's policies, with the supplier breaker's open time cut to 2 s so recovery fits a test.
    private static string CopyComponentsWithQuickBreaker()
    {
        var folder = Path.Combine(Path.GetTempPath(), "components-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "components"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        var resiliency = Path.Combine(folder, "resiliency.yaml");
        var text = File.ReadAllText(resiliency);
        var breaker = text.IndexOf("supplierBreaker:", StringComparison.Ordinal);
        var timeout = text.IndexOf("timeout: 30s", breaker, StringComparison.Ordinal);
        File.WriteAllText(resiliency, text[..timeout] + "timeout: 2s" + text[(timeout + "timeout: 30s".Length)..]);
        return folder;
    }

    private async Task<SupplierHealth> KinguinHealthAsync()
    {
        using var client = _store.Store.InternalClient();
        return (await client.GetFromJsonAsync<List<SupplierHealth>>("/suppliers/supplier-health"))!.Single(h => h.Supplier == "kinguin");
    }

    private Task<bool> KernelSeesReachableAsync() =>
        _store.QueryAsync<bool>("SELECT reachable FROM suppliers WHERE code = 'kinguin'");

    [Fact]
    public async Task Failing_supplier_opens_its_circuit_its_offers_go_unavailable_and_recovery_closes_it()
    {
        using var admin = _store.Sandbox.Admin();
        (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { errorRate = 1.0, errorStatus = 500 })).EnsureSuccessStatusCode();
        // Six failing syncs (one call each: a 500 is not retried) trip "consecutiveFailures > 5".
        for (var i = 0; i < 6; i++)
        {
            (await _store.SyncAsync("kinguin", full: false)).Error.Should().NotBeNullOrEmpty();
        }
        var failed = await _store.SyncAsync("kinguin", full: false);

        failed.Error.Should().Contain("open", "with the circuit open the sync fails fast");
        (await KinguinHealthAsync()).Circuit.Should().Be("Open");
        (await Eventually.HoldsAsync(async () => !await KernelSeesReachableAsync(), TimeSpan.FromSeconds(10))).Should().BeTrue(
            "while the circuit is open the kernel shows kinguin's offers as temporarily unavailable");
        (await _store.QueryAsync<int>("SELECT count(*) FROM supplier_offers WHERE supplier_code = 'kinguin'")).Should().BeGreaterThan(0, "offers are kept, not removed");

        (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { })).EnsureSuccessStatusCode();

        (await Eventually.HoldsAsync(async () => await KernelSeesReachableAsync(), TimeSpan.FromSeconds(15))).Should().BeTrue();
        (await KinguinHealthAsync()).Circuit.Should().Be("Closed");
        (await Eventually.HoldsAsync(async () => (await CircuitEventsAsync()).Length == 2, TimeSpan.FromSeconds(15))).Should().BeTrue();
        (await CircuitEventsAsync()).Should().Equal(["kinguin opened", "kinguin closed"], "ops hear of each transition once");
    }

    private async Task<string[]> CircuitEventsAsync() => await _store.QueryAsync<string[]>("""
        SELECT coalesce(array_agg((data->>'supplier') || CASE WHEN (data->>'open')::boolean THEN ' opened' ELSE ' closed' END ORDER BY id), '{}')
        FROM messaging.outbox WHERE topic = 'supplier-circuit-changed'
        """);
}
