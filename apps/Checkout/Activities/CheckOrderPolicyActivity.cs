using Dapr.Workflow;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// The fraud and region policy step, before payment. It allows every order for now: its rules (holds for review, keys that
/// cannot activate in the buyer's country) belong to the trust work, which fills this one step.
/// </summary>
public sealed class CheckOrderPolicyActivity : WorkflowActivity<Guid, PolicyDecision>
{
    public override Task<PolicyDecision> RunAsync(WorkflowActivityContext context, Guid orderId) =>
        Task.FromResult(new PolicyDecision(true, null));
}

public sealed record PolicyDecision(bool Allowed, string? Reason);
