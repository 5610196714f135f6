using GamesDrop.ServiceDefaults.Health;

namespace GamesDrop.Embedded;

public static class EmbeddedHost
{
    /// <summary>The host's id: the CloudEvent source and outbox partition of everything it publishes.</summary>
    public const string Id = "gamesdrop";

    /// <summary>An app's route group, with the health endpoints a standalone app has at its root.</summary>
    public static IEndpointRouteBuilder MapApp(this IEndpointRouteBuilder routes, string appId)
    {
        var group = routes.MapGroup("/" + appId);
        group.MapHealthEndpoints();
        return group;
    }
}
