using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Routing;

namespace GamesDrop.Embedded.Runtime.Bindings;

/// <summary>
/// Embedded profile: the POST endpoints an input binding reaches in this host, i.e. its route
/// (<c>/&lt;binding-name&gt;</c> unless metadata <c>route</c> says otherwise) inside each hosted app in its scope.
/// </summary>
public sealed class BindingRoutes(HostIdentity host, EndpointDataSource endpoints)
{
    public IReadOnlyList<string> For(ComponentDefinition binding)
    {
        var route = "/" + (binding.Get("route") ?? binding.Name).TrimStart('/');
        var candidates = host.HostedApps.Where(binding.IsInScope).Select(app => $"/{app}{route}").Append(route).ToHashSet();
        return endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(candidates.Contains)
            .Distinct()
            .ToList();
    }
}
