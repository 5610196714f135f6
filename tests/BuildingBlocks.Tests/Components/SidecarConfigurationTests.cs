using GamesDrop.BuildingBlocks.Components;

namespace GamesDrop.BuildingBlocks.Tests.Components;

/// <summary>Secret scopes and access control decided as daprd decides them (Dapr docs, "Limit secret store access", "Apply access control list configuration for service invocation").</summary>
public sealed class SidecarConfigurationTests
{
    private static readonly SidecarConfiguration Configuration = SidecarConfiguration.Parse("""
        apiVersion: dapr.io/v1alpha1
        kind: Configuration
        metadata:
          name: kernel
        spec:
          secrets:
            scopes:
              - storeName: secretstore
                defaultAccess: deny
                allowedSecrets: [admin-password]
              - storeName: other
                deniedSecrets: [shut]
          accessControl:
            defaultAction: deny
            trustDomain: public
            policies:
              - appId: bff
                defaultAction: deny
                trustDomain: public
                namespace: default
                operations:
                  - {name: /orders/*, httpVerb: [GET], action: allow}
                  - {name: /admin/**, httpVerb: ["*"], action: allow}
                  - {name: /admin/keys/**, httpVerb: [DELETE], action: deny}
              - appId: notifier
                defaultAction: allow
                trustDomain: elsewhere
        """);

    [Fact]
    public void A_non_empty_allowed_list_is_the_whole_answer_else_the_denied_list_and_the_default()
    {
        Configuration.IsSecretAllowed("secretstore", "admin-password").Should().BeTrue();
        Configuration.IsSecretAllowed("secretstore", "key-vault-key").Should().BeFalse();
        Configuration.IsSecretAllowed("other", "shut").Should().BeFalse();
        Configuration.IsSecretAllowed("other", "open").Should().BeTrue("defaultAccess is allow when unset");
        Configuration.IsSecretAllowed("unscoped", "anything").Should().BeTrue("a store without scopes is open, as in daprd");
    }

    [Theory]
    [InlineData("bff", "/orders/42", "GET", true)]
    [InlineData("bff", "orders/42?x=1", "GET", true)]
    [InlineData("bff", "/orders/42", "POST", false)]
    [InlineData("bff", "/orders/42/lines", "GET", false)]
    [InlineData("bff", "/admin/users/7/roles", "PUT", true)]
    [InlineData("bff", "/admin/keys/9", "DELETE", false)]
    [InlineData("bff", "/catalog", "GET", false)]
    [InlineData("notifier", "/orders/42", "GET", false)]
    [InlineData("checkout", "/orders/42", "GET", false)]
    public void A_caller_gets_its_operations_action_else_its_default_and_an_unknown_or_foreign_one_the_global_default(
        string caller, string operation, string verb, bool allowed) =>
        Configuration.IsInvocationAllowed(caller, operation, verb).Should().Be(allowed);

    [Fact]
    public void Without_access_control_or_a_file_every_call_and_secret_is_allowed()
    {
        SidecarConfiguration.None.IsInvocationAllowed("anyone", "/x", "POST").Should().BeTrue();
        SidecarConfiguration.None.IsSecretAllowed("secretstore", "x").Should().BeTrue();
        SidecarConfiguration.Load(Path.GetTempPath(), "swarm", "no-such-app").Should().BeSameAs(SidecarConfiguration.None);
    }
}
