using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Hosting;

/// <summary>
/// Who this process is: its app id in the Dapr profile (the CloudEvent source and the outbox partition),
/// and the app ids it hosts (one there, all of them in the Embedded host).
/// </summary>
public sealed record HostIdentity(string Id, RuntimeProfile Profile, IReadOnlyList<string> HostedApps)
{
    /// <summary>The identity AddBuildingBlocks registered, for registrations that pick an adapter by profile.</summary>
    public static HostIdentity Registered(IServiceCollection services, string caller) =>
        services.Select(d => d.ImplementationInstance).OfType<HostIdentity>().SingleOrDefault()
            ?? throw new InvalidOperationException($"Call AddBuildingBlocks before {caller}.");
}

public enum RuntimeProfile
{
    Dapr,
    Embedded,
}
