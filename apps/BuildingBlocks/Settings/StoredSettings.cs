using GamesDrop.Contracts.Admin;
using Microsoft.Extensions.Configuration;

namespace GamesDrop.BuildingBlocks.Settings;

/// <summary>
/// The settings staff stored in the kernel, as the last configuration source: they override the files' defaults, and a
/// new snapshot reloads configuration, so every <c>IOptionsMonitor</c> sees it at once, without a restart.
/// </summary>
/// <remarks>
/// Kept fresh by the <c>settings-changed</c> event rather than a short-TTL read: a change is seen as soon as the event
/// arrives (the outbox delivers it at least once), and no app asks the kernel again and again for what rarely changes.
/// </remarks>
public sealed class StoredSettings : ConfigurationProvider, IConfigurationSource
{
    private readonly Lock _applying = new();
    private long _version = -1;

    public long Version => Volatile.Read(ref _version);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Takes the snapshot unless a newer one was taken already; true when configuration changed.</summary>
    public bool Apply(SettingsChanged snapshot)
    {
        lock (_applying)
        {
            if (snapshot.Version <= _version)
            {
                return false;
            }
            Data = new Dictionary<string, string?>(snapshot.Values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)), StringComparer.OrdinalIgnoreCase);
            Volatile.Write(ref _version, snapshot.Version);
        }
        OnReload();
        return true;
    }
}
