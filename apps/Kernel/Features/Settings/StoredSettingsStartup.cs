using Dapper;
using GamesDrop.BuildingBlocks.Settings;
using Npgsql;

namespace GamesDrop.Kernel.Features.Settings;

/// <summary>
/// Loads the stored settings before the kernel serves (after the migrations), so the kernel never answers from the files'
/// defaults what staff changed.
/// </summary>
internal sealed class StoredSettingsStartup(NpgsqlDataSource db, StoredSettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        settings.Apply(await SettingsApi.SnapshotAsync(connection, null, cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
