using System.Reflection;
using Dapr.Workflow;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>
/// Every workflow and activity class is registered by its own app, and a workflow is scheduled only by the app that
/// registers it: daprd runs a workflow on the sidecar of the app that scheduled it, and an unregistered activity fails the
/// instance at run time, not at start-up. (What those apps need from Dapr is checked in <see cref="ActorHostingTests"/>.)
/// </summary>
public sealed class WorkflowHostingTests
{
    [Fact]
    public void Every_workflow_and_activity_class_is_registered_by_its_app()
    {
        var registered = Registered();

        Unregistered(WorkflowClasses(), registered).Should().BeEmpty();
        WorkflowClasses().Should().Contain(("checkout", "CheckoutWorkflow")).And.Contain(("checkout", "CapturePaymentActivity"));
    }

    [Fact]
    public void Every_scheduled_workflow_is_registered_by_the_app_that_schedules_it()
    {
        var registered = Registered();
        var scheduled = AppSources.Calls("ScheduleAsync")
            .Select(c => (c.AppId, Name: NameOf(c.Argument(0)), c.Location))
            .ToList();

        scheduled.Should().NotBeEmpty();
        scheduled.Where(s => !registered.Contains((s.AppId, s.Name)))
            .Select(s => $"{s.Location}: {s.AppId} schedules {s.Name}, which it does not register").Should().BeEmpty();
    }

    [Fact]
    public void An_activity_its_app_does_not_register_is_reported()
    {
        var problems = Unregistered([("checkout", "CapturePaymentActivity"), ("kernel", "CapturePaymentActivity")],
            [("checkout", "CapturePaymentActivity")]);

        problems.Should().Equal("kernel: CapturePaymentActivity is not registered with RegisterWorkflow<>/RegisterActivity<> in its app");
    }

    private static List<(string AppId, string TypeName)> Registered() =>
        AppSources.Calls("RegisterWorkflow").Concat(AppSources.Calls("RegisterActivity"))
            .Select(c => (c.AppId, c.TypeArgument!)).ToList();

    private static List<(string AppId, string TypeName)> WorkflowClasses() => AppSources.Projects
        .SelectMany(p => Assembly.Load(new AssemblyName(p.Value)).GetTypes()
            .Where(t => !t.IsAbstract && (IsSubclassOfGeneric(t, typeof(Workflow<,>)) || IsSubclassOfGeneric(t, typeof(WorkflowActivity<,>))))
            .Select(t => (p.Key, t.Name)))
        .ToList();

    private static bool IsSubclassOfGeneric(Type type, Type generic)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic)
            {
                return true;
            }
        }
        return false;
    }

    private static List<string> Unregistered(IEnumerable<(string AppId, string TypeName)> classes, IReadOnlyList<(string AppId, string TypeName)> registered) =>
        classes.Where(c => !registered.Contains(c))
            .Select(c => $"{c.AppId}: {c.TypeName} is not registered with RegisterWorkflow<>/RegisterActivity<> in its app")
            .ToList();

    // nameof(CheckoutWorkflow) → CheckoutWorkflow; a string literal → its text.
    private static string NameOf(string argument) =>
        argument.StartsWith("nameof(", StringComparison.Ordinal) ? argument[7..^1] : argument.Trim('"');
}
