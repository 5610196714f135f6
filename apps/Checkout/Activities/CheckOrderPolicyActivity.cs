using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// The policy, before payment: the kernel's fraud rules (the decision recorded with its reasons; a repeat reads the
/// recorded one), then its region check against the buyer's account country. Refused orders end before PayPal is called;
/// held ones are only authorised until reviewed.
/// </summary>
public sealed class CheckOrderPolicyActivity(KernelOrderSteps kernel) : WorkflowActivity<Guid, PolicyDecision>
{
    public override async Task<PolicyDecision> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var fraud = PolicyDecision.Of(await kernel.CheckFraudAsync(orderId, null, CancellationToken.None));
        if (fraud.Refused)
        {
            return fraud;
        }
        var region = await kernel.CheckRegionAsync(orderId, null, CancellationToken.None);
        return region.Fits ? fraud : new PolicyDecision(FraudDecisions.Refuse, region.Reason);
    }
}

/// <param name="Decision">allow, hold or refuse (<see cref="FraudDecisions"/>).</param>
public sealed record PolicyDecision(string Decision, string? Reason)
{
    /// <summary>Said to the buyer; which rule refused stays with the store.</summary>
    public const string RefusedReason = "We could not accept this order. Nothing was charged.";

    public bool Refused => Decision == FraudDecisions.Refuse;

    public bool Held => Decision == FraudDecisions.Hold;

    public static PolicyDecision Of(FraudVerdict verdict) =>
        new(verdict.Decision, verdict.Decision == FraudDecisions.Refuse ? RefusedReason : null);
}
