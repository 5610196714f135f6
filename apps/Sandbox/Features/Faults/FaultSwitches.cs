using System.Collections.Concurrent;

namespace GamesDrop.Sandbox.Features.Faults;

/// <summary>The current fault settings of every partner, flipped at run time through the admin API.</summary>
internal sealed class FaultSwitches
{
    private readonly ConcurrentDictionary<string, FaultSettings> _settings = new(StringComparer.OrdinalIgnoreCase);

    public FaultSettings For(string partner) => _settings.GetValueOrDefault(partner, FaultSettings.None);

    public void Set(string partner, FaultSettings settings) => _settings[partner] = settings;
}
