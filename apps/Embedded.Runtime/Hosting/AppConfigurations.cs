using System.Collections.Concurrent;
using GamesDrop.BuildingBlocks.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GamesDrop.Embedded.Runtime.Hosting;

/// <summary>
/// Each hosted app's Dapr Configuration, read from the components folder as the stack's sidecars read theirs
/// (<see cref="SidecarConfiguration.EnforcedProfile"/>): its secret scopes and its access control.
/// </summary>
internal sealed class AppConfigurations(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, SidecarConfiguration> _loaded = new();

    public SidecarConfiguration For(string appId) => _loaded.GetOrAdd(appId, id => SidecarConfiguration.Load(
        ComponentCatalog.LocateFolder(configuration["GamesDrop:ComponentsPath"], environment.ContentRootPath),
        SidecarConfiguration.EnforcedProfile, id));
}
