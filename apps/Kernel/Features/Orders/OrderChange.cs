using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// The shape of every checkout write that answers with the order: a valid body, the order locked, the change, then the
/// order as it now is. A change answers null to go on (also when it finds its work already done, so a repeat answers
/// the same), or the refusal to send instead; a refusal commits nothing.
/// </summary>
internal static class OrderChange
{
    public static async Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        NpgsqlDataSource db, Guid orderId, Dictionary<string, string[]> errors, Func<OrderTransaction, Task<ProblemHttpResult?>> change,
        CancellationToken ct)
    {
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        if (await change(order) is { } refusal)
        {
            return refusal;
        }
        var answer = await order.ReadAsync();
        await order.CommitAsync();
        return TypedResults.Ok(answer);
    }

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);
}
