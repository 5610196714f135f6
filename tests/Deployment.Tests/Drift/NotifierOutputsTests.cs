using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>
/// What the notifier sends through (HTTPEndpoints for Telegram, Sheets and Google's token endpoint; the SMTP binding)
/// exists in components/, is loaded for the notifier alone, and has the policies resiliency.yaml gives its target.
/// </summary>
public sealed class NotifierOutputsTests
{
    [Fact]
    public void Every_HTTPEndpoint_the_notifier_calls_exists_scoped_to_it_with_a_resiliency_target()
    {
        var catalog = DaprResources.Catalog;
        var names = AppSources.Calls("AddHttpEndpointClient").Where(c => c.AppId == AppIds.Notifier).Select(c => Constants.Resolve(c.Argument(0))).ToList();

        names.Should().BeEquivalentTo(["telegram-api", "sheets-api", "google-oauth"]);
        foreach (var name in names)
        {
            catalog.HttpEndpoints.Should().ContainSingle(e => e.Name == name).Which.Scopes.Should().Equal([AppIds.Notifier], $"{name} is the notifier's alone");
            catalog.Resiliency.ForApp(name!).Should().NotBeNull($"{name} needs a timeout and retries in resiliency.yaml")
                .And.Match<BuildingBlocks.Components.TargetPolicy>(p => p.Timeout != null && p.Retry != null);
        }
    }

    [Fact]
    public void The_mail_binding_is_an_smtp_output_scoped_to_the_notifier_with_a_resiliency_target()
    {
        var catalog = DaprResources.Catalog;

        var mail = catalog.Components.Should().ContainSingle(c => c.Name == DaprComponents.Mail).Subject;

        (mail.Type, mail.Get("direction")).Should().Be(("bindings.smtp", "output"), "an output binding, declared so daprd never probes for an input side");
        mail.Scopes.Should().Equal(AppIds.Notifier);
        mail.Get("emailFrom").Should().NotBeNullOrEmpty();
        catalog.Resiliency.ForComponentOutbound(DaprComponents.Mail)?.Timeout.Should().NotBeNull("a stuck mail server must not hold a sender");
    }

    [Fact]
    public void The_daily_summary_is_a_cron_input_for_the_notifier()
    {
        var summary = DaprResources.Catalog.Components.Should().ContainSingle(c => c.Name == DaprComponents.DailySalesSummary).Subject;

        (summary.Type, summary.Get("direction")).Should().Be(("bindings.cron", "input"));
        summary.Scopes.Should().Equal(AppIds.Notifier);
    }
}
