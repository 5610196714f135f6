using System.Text.Json;
using System.Text.RegularExpressions;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamesDrop.Kernel.Features.Fraud;

/// <summary>
/// The fraud check checkout's policy step asks for: every rule evaluated in one query under the order's lock, the
/// decision recorded with its reasons on the order and its timeline. Once per stage: a repeat reads the recorded one.
/// </summary>
public static partial class FraudApi
{
    public const string OrderStage = "order";
    public const string PayerStage = "payer";

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$")]
    private static partial Regex PayerIdPattern();

    public static RouteGroupBuilder MapFraud(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders/{orderId}").WithTags("Fraud checks");
        group.MapPost("/fraud-check", CheckAsync);
        group.MapPost("/review", ReviewAsync);
        return routes;
    }

    private static async Task<Results<Ok<FraudVerdict>, NotFound, ValidationProblem, ProblemHttpResult>> CheckAsync(
        Guid orderId, CheckFraud body, IOptionsMonitor<FraudSettings> options, DisposableDomains disposable, NpgsqlDataSource db,
        CancellationToken ct)
    {
        if (body.PayerId is { } payer && !PayerIdPattern().IsMatch(payer))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["payerId"] = ["PayPal's payer id: 1 to 64 letters or digits."] });
        }
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        var stage = body.PayerId is null ? OrderStage : PayerStage;
        if (await order.QuerySingleOrDefaultAsync<RecordedCheck>(FraudSql.Recorded, new { OrderId = orderId, Stage = stage }) is { } recorded)
        {
            return TypedResults.Ok(recorded.Verdict);
        }
        if (stage == PayerStage)
        {
            if (!await order.QuerySingleOrDefaultAsync<bool>(FraudSql.HasPayment, new { OrderId = orderId }))
            {
                return OrderChange.Conflict("The order has no payment; the payer is checked after PayPal approval.");
            }
            await order.ExecuteAsync(FraudSql.SetPayer, new { OrderId = orderId, body.PayerId });
        }

        var settings = options.CurrentValue;
        var signals = (await order.QuerySingleOrDefaultAsync<FraudSignals>(FraudSql.Signals, new
        {
            OrderId = orderId, body.PayerId, VelocitySeconds = settings.VelocityWindow.TotalSeconds, AccountsSeconds = settings.AccountsWindow.TotalSeconds,
        }))!;
        var reasons = FraudRules.Evaluate(signals, settings, disposable);
        var score = reasons.Sum(r => r.Score);
        var decision = FraudRules.Decide(score, settings);
        if (stage == PayerStage && await order.QuerySingleOrDefaultAsync<RecordedCheck>(FraudSql.Recorded, new { OrderId = orderId, Stage = OrderStage }) is { } before)
        {
            decision = FraudDecisions.Stricter(decision, before.Decision);
        }
        var verdict = new FraudVerdict(decision, score, reasons);
        await order.ExecuteAsync(FraudSql.Record, new
        {
            OrderId = orderId, Stage = stage, Decision = decision, Score = score, Reasons = JsonSerializer.Serialize(reasons, Json),
        });
        await order.StepAsync($"fraud-{decision}",
            $"{stage} check, score {score}" + (reasons.Count == 0 ? "" : ": " + string.Join(", ", reasons.Select(r => r.Rule))));
        await order.CommitAsync();
        return TypedResults.Ok(verdict);
    }

    // A held order's review, once: the first outcome stands, a repeat changes nothing. Checkout captures or voids after it.
    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        Guid orderId, RecordReview body, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, OrderValidation.Validate(body), async order =>
        {
            if (await order.QuerySingleOrDefaultAsync<string>(FraudSql.Reviewed, new { OrderId = orderId }) is { } earlier)
            {
                return earlier == "review-" + body.Outcome ? null : OrderChange.Conflict($"The order's review already ended: {earlier}.");
            }
            if (order.Order.Status != OrderStatuses.Held)
            {
                return OrderChange.Conflict($"The order is {order.Order.Status}; only a held order is reviewed.");
            }
            await order.StepAsync("review-" + body.Outcome, body.DecidedBy);
            var o = order.Order;
            await events.PublishAsync(Topics.OrderReviewed, new OrderReviewed(o.Id, o.Number, o.UserId, o.Email, body.Outcome, body.DecidedBy,
                DateTimeOffset.UtcNow), order.Transaction, ct);
            return null;
        }, ct);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record RecordedCheck(string Decision, int Score, string Reasons)
    {
        public FraudVerdict Verdict => new(Decision, Score, JsonSerializer.Deserialize<List<FraudReason>>(Reasons, Json)!);
    }
}
