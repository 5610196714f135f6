using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using GamesDrop.Contracts.Catalog;
using GamesDrop.TestSupport;
using Npgsql;

namespace GamesDrop.AppTesting;

/// <summary>The whole store (Embedded) trading with the partner simulators, which push their webhooks back to it.</summary>
public sealed class StoreWithSandbox : IAsyncDisposable
{
    private StoreWithSandbox(SandboxHost sandbox, EmbeddedApp store)
    {
        Sandbox = sandbox;
        Store = store;
    }

    public SandboxHost Sandbox { get; }
    public EmbeddedApp Store { get; private set; }

    /// <summary>Stops the store's host and starts another on its database and port; the partners keep running.</summary>
    public async Task RestartStoreAsync() => Store = await EmbeddedApp.RestartAsync(Store);

    /// <param name="settings">The store's settings, over those the sandbox gives it.</param>
    /// <param name="sandboxSettings">The sandbox's own, say <c>Sandbox:Catalog:Products</c> for a bigger catalog.</param>
    public static async Task<StoreWithSandbox> StartAsync(IDictionary<string, string?>? settings = null, IDictionary<string, string?>? sandboxSettings = null)
    {
        var port = EmbeddedApp.FreePort();
        var partner = new Dictionary<string, string?> { ["Sandbox:PayPal:WebhookUrl"] = $"http://127.0.0.1:{port}/bff/api/webhooks/paypal" };
        foreach (var (key, value) in sandboxSettings ?? new Dictionary<string, string?>())
        {
            partner[key] = value;
        }
        var sandbox = SandboxHost.Start($"http://127.0.0.1:{port}/suppliers/webhooks/", partner);
        var storeSettings = sandbox.StoreSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            storeSettings[key] = value;
        }
        return new StoreWithSandbox(sandbox, await EmbeddedApp.StartAsync(storeSettings, port));
    }

    /// <summary>Runs one sync to its end through the suppliers app's own API, as an operator would.</summary>
    public async Task<SyncStatus> SyncAsync(string supplier, bool full)
    {
        using var client = Store.InternalClient();
        var before = await ProgressAsync(client, supplier);
        (await client.PostAsync($"/suppliers/sync/{supplier}?full={full}", null)).EnsureSuccessStatusCode();
        SyncStatus? status = null;
        (await Eventually.HoldsAsync(async () =>
        {
            status = await ProgressAsync(client, supplier);
            return status is { Running: false } && status.RunId != before?.RunId;
        }, TimeSpan.FromSeconds(60))).Should().BeTrue($"the {supplier} sync finishes");
        return status!;
    }

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Store.DatabaseConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    private static async Task<SyncStatus?> ProgressAsync(HttpClient client, string supplier) =>
        (await client.GetFromJsonAsync<List<SyncStatus>>("/suppliers/sync/progress"))!.FirstOrDefault(s => s.Supplier == supplier);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
