namespace GamesDrop.BuildingBlocks.Hosting;

/// <summary>
/// Who this process is: its app id in the Dapr profile (the CloudEvent source and the outbox partition),
/// and the app ids it hosts (one there, all of them in the Embedded host).
/// </summary>
public sealed record HostIdentity(string Id, RuntimeProfile Profile, IReadOnlyList<string> HostedApps);

public enum RuntimeProfile
{
    Dapr,
    Embedded,
}
