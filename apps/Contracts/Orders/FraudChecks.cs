namespace GamesDrop.Contracts.Orders;

/// <summary>
/// Asks the kernel to check an order for fraud: before payment without <paramref name="PayerId"/>, and again once PayPal
/// names the payer (known after approval, before any capture).
/// </summary>
public sealed record CheckFraud(string? PayerId = null);

/// <summary>The check's verdict: <see cref="FraudDecisions"/>, the summed score and each rule that tripped.</summary>
public sealed record FraudVerdict(string Decision, int Score, IReadOnlyList<FraudReason> Reasons);

/// <param name="Rule">The rule's name, for staff; never shown to the buyer.</param>
/// <param name="Detail">What was counted, for staff.</param>
public sealed record FraudReason(string Rule, int Score, string Detail);

public static class FraudDecisions
{
    public const string Allow = "allow";
    public const string Hold = "hold";
    public const string Refuse = "refuse";

    /// <summary>The stricter of two decisions: a later check never undoes an earlier hold.</summary>
    public static string Stricter(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string decision) => decision switch { Refuse => 2, Hold => 1, _ => 0 };
}
