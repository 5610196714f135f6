using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>Every typed client in the apps reaches something that exists for its app.</summary>
public sealed class InvocationTests
{
    [Fact]
    public void Every_AddServiceClient_targets_another_app_id()
    {
        var problems = AppSources.Calls("AddServiceClient")
            .Select(call => (Call: call, Target: Constants.Resolve(call.Argument(0))))
            .Where(x => x.Target is null || !AppIds.All.Contains(x.Target) || x.Target == x.Call.AppId)
            .Select(x => $"{x.Call.Location}: {x.Call.Argument(0)} (= {x.Target ?? "not a constant"}) is not another app id");

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_AddHttpEndpointClient_targets_an_HTTPEndpoint_in_scope_for_its_app()
    {
        var endpoints = DaprResources.Catalog.HttpEndpoints;

        var problems = AppSources.Calls("AddHttpEndpointClient")
            .Select(call => (Call: call, Name: Constants.Resolve(call.Argument(0))))
            .Where(x => !endpoints.Any(e => e.Name == x.Name && (e.Scopes.Count == 0 || e.Scopes.Contains(x.Call.AppId))))
            .Select(x => $"{x.Call.Location}: {x.Call.Argument(0)} (= {x.Name ?? "not a constant"}) is no HTTPEndpoint in scope for {x.Call.AppId}");

        problems.Should().BeEmpty();
    }
}
