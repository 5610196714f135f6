using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// The fraud policy, before payment: the kernel evaluates its rules and records the decision with its reasons (a repeat
/// reads the recorded one). Refused orders end before PayPal is called; held ones are only authorised until reviewed.
/// </summary>
public sealed class CheckOrderPolicyActivity(KernelOrderSteps kernel) : WorkflowActivity<Guid, PolicyDecision>
{
    public override async Task<PolicyDecision> RunAsync(WorkflowActivityContext context, Guid orderId) =>
        PolicyDecision.Of(await kernel.CheckFraudAsync(orderId, null, CancellationToken.None));
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
