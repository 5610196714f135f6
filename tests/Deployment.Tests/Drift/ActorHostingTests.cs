using System.Reflection;
using Dapr.Actors.Runtime;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>An actor type or workflow an app registers (<c>RegisterActor&lt;T&gt;</c>, <c>RegisterWorkflow&lt;T&gt;</c>).</summary>
public sealed record HostedType(string AppId, bool IsWorkflow, string TypeName, string Location);

/// <summary>
/// Apps hosting actors or workflows need what Dapr runs them on: one actor state store in scope, placement (and
/// for workflows the scheduler) on their sidecars, and one app replica to one sidecar in Swarm.
/// </summary>
public sealed class ActorHostingTests
{
    private static readonly ComposeFile[] Deployments = [ComposeFile.Load("docker-compose.yml"), ComposeFile.Load("stack.yml")];

    [Fact]
    public void Apps_registering_actors_or_workflows_have_what_Dapr_runs_them_on()
    {
        var hosted = AppSources.Calls("RegisterActor").Select(c => new HostedType(c.AppId, false, c.TypeArgument!, c.Location))
            .Concat(AppSources.Calls("RegisterWorkflow").Select(c => new HostedType(c.AppId, true, c.TypeArgument!, c.Location)))
            .ToList();

        Problems(hosted, DaprResources.Catalog, DaprResources.ResiliencyTargets("actors")).Should().BeEmpty();
    }

    // The check above starts from RegisterActor calls; an actor class no app registers would escape it.
    [Fact]
    public void Every_actor_class_in_an_app_is_registered_by_that_app()
    {
        var registered = AppSources.Calls("RegisterActor").Select(c => (c.AppId, c.TypeArgument!)).ToList();

        Unregistered(ActorClasses(), registered).Should().BeEmpty();
        ActorClasses().Should().Contain(("bff", "CartActor"));
    }

    [Fact]
    public void An_actor_class_its_app_does_not_register_is_reported()
    {
        var unregistered = Unregistered([("bff", "CartActor"), ("checkout", "CartActor")], [("bff", "CartActor")]);

        unregistered.Should().Equal("checkout: actor class CartActor is not registered with RegisterActor<CartActor>() in its app");
    }

    [Fact]
    public void An_actor_in_an_app_without_an_actor_state_store_or_on_two_replicas_is_reported()
    {
        var cart = new HostedType("kernel", false, "CartActor", "apps/Kernel/KernelApp.cs:1");

        var problems = Problems([cart], DaprResources.Catalog, ["CartActor", "WishlistActor"]);

        problems.Should().Contain(p => p.Contains("actor state store"))
            .And.Contain(p => p.Contains("replicas"))
            .And.Contain(p => p.Contains("WishlistActor"));
    }

    private static List<(string AppId, string TypeName)> ActorClasses() => AppSources.Projects
        .SelectMany(p => Assembly.Load(new AssemblyName(p.Value)).GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Actor)) && !t.IsAbstract)
            .Select(t => (p.Key, t.Name)))
        .ToList();

    private static List<string> Unregistered(IEnumerable<(string AppId, string TypeName)> classes, IReadOnlyList<(string AppId, string TypeName)> registered) =>
        classes.Where(c => !registered.Contains(c))
            .Select(c => $"{c.AppId}: actor class {c.TypeName} is not registered with RegisterActor<{c.TypeName}>() in its app")
            .ToList();

    private static List<string> Problems(IReadOnlyList<HostedType> hosted, ComponentCatalog catalog, IEnumerable<string> resiliencyActors)
    {
        var problems = new List<string>();
        foreach (var type in hosted)
        {
            var stores = catalog.Components.Count(c => c.Get("actorStateStore") == "true" && c.IsInScope(type.AppId));
            if (stores != 1)
            {
                problems.Add($"{type.Location}: {type.TypeName} needs exactly one actor state store in scope for {type.AppId}, found {stores}");
            }
            foreach (var deployment in Deployments)
            {
                problems.AddRange(SidecarProblems(deployment, type));
            }
        }
        problems.AddRange(resiliencyActors.Except(hosted.Where(h => !h.IsWorkflow).Select(h => h.TypeName))
            .Select(a => $"resiliency.yaml targets actor type {a}, which no app registers"));
        return problems;
    }

    private static IEnumerable<string> SidecarProblems(ComposeFile deployment, HostedType type)
    {
        var sidecar = deployment.Services[type.AppId + "-dapr"];
        if (!sidecar.Flags.Has("placement-host-address"))
        {
            yield return $"{deployment.FileName}: {sidecar.Name} has no --placement-host-address for {type.TypeName}";
        }
        if (type.IsWorkflow && !sidecar.Flags.Has("scheduler-host-address"))
        {
            yield return $"{deployment.FileName}: {sidecar.Name} has no --scheduler-host-address for {type.TypeName}";
        }
        if (sidecar.NetworkMode is null && (sidecar.Replicas != 1 || deployment.Services[type.AppId].Replicas != 1))
        {
            yield return $"{deployment.FileName}: {type.AppId} hosts {type.TypeName} and needs 1 replica of app and sidecar (replicas)";
        }
    }
}
