using System.Net.Http.Json;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamesDrop.BuildingBlocks.Settings;

/// <summary>The kernel's stored settings, for an app that reads them at start.</summary>
public sealed class KernelSettingsClient(HttpClient http)
{
    public async Task<SettingsChanged> StoredAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<SettingsChanged>("settings/stored", ct) ?? throw new InvalidOperationException("The kernel sent no settings.");
}

/// <summary>
/// Asks the kernel for the stored settings once at start, again until it answers; later changes arrive as events. Until
/// then the app runs on the files' defaults. Nothing to do when the host already has them (the one-process host's kernel).
/// </summary>
internal sealed partial class StoredSettingsLoader(
    IServiceProvider services, IHostApplicationLifetime lifetime, StoredSettings settings, ILogger<StoredSettingsLoader> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Version >= 0)
        {
            return;
        }
        // The client is made once the host listens: in the one-process host it calls this host's own address.
        await HostStarted.WaitAsync(lifetime, stoppingToken);
        var kernel = services.GetRequiredService<KernelSettingsClient>();
        while (settings.Version < 0 && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                settings.Apply(await kernel.StoredAsync(stoppingToken));
            }
            catch (HttpRequestException e)
            {
                LogKernelUnreachable(e.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored settings not loaded yet, the kernel did not answer: {Reason}")]
    private partial void LogKernelUnreachable(string reason);
}
