using System.Net.Http.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Notifications;
using Npgsql;

namespace GamesDrop.Notifier.Tests;

/// <summary>The store and the partner simulators, with helpers to read what the notifier queued and sent.</summary>
public sealed class NotifierStore : IAsyncDisposable
{
    private NotifierStore(StoreWithSandbox inner) => Inner = inner;

    public StoreWithSandbox Inner { get; }
    public EmbeddedApp Store => Inner.Store;
    public SandboxHost Sandbox => Inner.Sandbox;

    public static async Task<NotifierStore> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await StoreWithSandbox.StartAsync(settings));

    public async Task<IReadOnlyList<string>> TelegramTextsAsync() =>
        (await Sandbox.TelegramMessagesAsync()).Select(m => m.GetProperty("text").GetString()!).ToList();

    /// <summary>Queued notifications of <paramref name="channel"/> by status.</summary>
    public async Task<IReadOnlyDictionary<string, int>> DeliveriesAsync(string channel)
    {
        await using var connection = new NpgsqlConnection(Store.DatabaseConnectionString);
        var rows = await connection.QueryAsync<(string Status, int Count)>(
            "SELECT status, count(*)::int FROM notifier.deliveries WHERE channel = @Channel GROUP BY status", new { Channel = channel });
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    public async Task<IReadOnlyList<UndeliveredNotification>> UndeliveredAsync()
    {
        using var notifier = Store.InternalClient();
        return (await notifier.GetFromJsonAsync<List<UndeliveredNotification>>("/notifier/notifications/undelivered"))!;
    }

    public async Task SetFaultsAsync(string partner, object faults)
    {
        using var admin = Sandbox.Admin();
        (await admin.PutAsJsonAsync($"_sandbox/faults/{partner}", faults)).EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
