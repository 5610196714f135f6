using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Keys;
using GamesDrop.Kernel.Features.Regions;
using GamesDrop.Kernel.Features.Scoreboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using static GamesDrop.Kernel.Features.Orders.OrderChange;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// Fulfilment of a paid order's lines: from own stock, from a supplier (keys sealed into the vault with where they
/// came from), or failed. The first of these moves the order to fulfilling.
/// </summary>
public static class OrderLinesApi
{
    public static RouteGroupBuilder MapOrderLines(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders/{orderId}/lines/{lineId}").WithTags("Checkout orders");
        group.MapPost("/fulfil-from-stock", FulfilFromStockAsync);
        group.MapGet("/candidates", CandidatesAsync);
        group.MapPost("/keys", DeliverKeysAsync);
        group.MapPost("/failed", FailAsync);
        return routes;
    }

    private static async Task<Results<Ok<FulfilResult>, NotFound, ProblemHttpResult>> FulfilFromStockAsync(
        Guid orderId, long lineId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null || await LineAsync(order, lineId) is not { } line)
        {
            return TypedResults.NotFound();
        }
        if (line.Status != LineStatuses.Pending)
        {
            return TypedResults.Ok(new FulfilResult(line.Status == LineStatuses.Fulfilled));
        }
        if (!order.Order.IsPaidAndOpen)
        {
            return Conflict($"The order is {order.Order.Status}; lines are fulfilled only once it is paid.");
        }
        await StartFulfillingAsync(order);
        await order.ExecuteAsync(OrderLinesSql.SellStock, new { LineId = lineId });
        var fulfilled = await CompleteLineAsync(order, line);
        await order.CommitAsync();
        return TypedResults.Ok(new FulfilResult(fulfilled));
    }

    private static async Task<Results<Ok<IReadOnlyList<SupplierCandidate>>, NotFound>> CandidatesAsync(
        Guid orderId, long lineId, ScoreboardSettings scoring, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null || await LineAsync(order, lineId) is not { } line)
        {
            return TypedResults.NotFound();
        }
        var country = await order.QuerySingleOrDefaultAsync<string>(RegionsSql.BuyerCountry, new { OrderId = orderId });
        var candidates = await Candidates.ForLineAsync(order, line.ProductId, line.UnitPrice, scoring, country);
        return TypedResults.Ok<IReadOnlyList<SupplierCandidate>>(
            candidates.Select(c => new SupplierCandidate(c.Supplier, c.Sku, c.MaxUnitPrice, c.Currency)).ToList());
    }

    private static async Task<Results<Ok<DeliveredKeys>, NotFound, ValidationProblem, ProblemHttpResult>> DeliverKeysAsync(
        Guid orderId, long lineId, DeliverKeys body, KeyVault vault, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null || await LineAsync(order, lineId) is not { } line)
        {
            return TypedResults.NotFound();
        }
        var errors = OrderValidation.Validate(body, line.Quantity);
        if (errors.Count == 0 && !await order.QuerySingleOrDefaultAsync<bool>(OrderLinesSql.SupplierExists, new { body.Supplier }))
        {
            errors["supplier"] = ["No such supplier."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var delivery = new { LineId = lineId, body.Supplier, body.SupplierOrderId };
        if (line.Status != LineStatuses.Pending || !order.Order.IsPaidAndOpen)
        {
            // A delivery recorded before for this line answers as it did then; any other is too late for the line.
            var earlier = await order.QuerySingleOrDefaultAsync<int>(OrderLinesSql.DeliveredKeys, delivery);
            return earlier > 0
                ? TypedResults.Ok(new DeliveredKeys(line.Status == LineStatuses.Fulfilled, earlier, body.Keys.Count - earlier))
                : Conflict($"The line is {line.Status} and the order {order.Order.Status}; keys are delivered for pending lines of paid orders.");
        }
        var recorded = await order.QuerySingleOrDefaultAsync<RecordedDelivery>(OrderLinesSql.RecordDelivery, delivery);
        if (recorded?.LineId != lineId)
        {
            return Conflict($"Supplier order {body.SupplierOrderId} was delivered for another line.");
        }
        if (recorded.New)
        {
            await StartFulfillingAsync(order);
            await SealedKeys.StoreAsync(vault, order.Transaction, line.ProductId, body.Keys.Select(k => (k.Value, k.ContentType)).ToList(),
                new KeyProvenance("supplier", body.Supplier, body.SupplierOrderId, body.UnitCost, body.Currency, body.BoughtAt, lineId), ct);
        }
        var stored = await order.QuerySingleOrDefaultAsync<int>(OrderLinesSql.DeliveredKeys, delivery);
        var fulfilled = await CompleteLineAsync(order, line);
        await order.CommitAsync();
        return TypedResults.Ok(new DeliveredKeys(fulfilled, stored, body.Keys.Count - stored));
    }

    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> FailAsync(
        Guid orderId, long lineId, FailLine body, StoreSettings store, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, OrderValidation.Validate(body), async order =>
        {
            var line = await LineAsync(order, lineId);
            if (line is null || line.Status == LineStatuses.Failed)
            {
                return line is null ? TypedResults.Problem("The order has no such line.", statusCode: StatusCodes.Status404NotFound) : null;
            }
            if (line.Status != LineStatuses.Pending)
            {
                return Conflict($"The line is {line.Status}.");
            }
            if (!order.Order.IsPaidAndOpen)
            {
                return Conflict($"The order is {order.Order.Status}; only a paid order's lines fail, an unpaid order is released.");
            }
            await StartFulfillingAsync(order);
            await order.ExecuteAsync(OrderLinesSql.ReturnUnrevealed, new { LineIds = new[] { lineId } });
            await OwnStockAlerts.RestockedAsync(order.Transaction, store, ct);
            await order.ExecuteAsync(OrderLinesSql.SetStatus, new { LineId = lineId, Status = LineStatuses.Failed, Error = body.Reason });
            await order.StepAsync("line_failed", $"line {lineId}");
            return null;
        }, ct);

    internal static async Task<LineRow?> LineAsync(OrderTransaction order, long lineId) =>
        await order.QuerySingleOrDefaultAsync<LineRow>(OrderLinesSql.Line, new { LineId = lineId, OrderId = order.Order.Id });

    internal static async Task StartFulfillingAsync(OrderTransaction order)
    {
        if (order.Order.Status == OrderStatuses.Paid)
        {
            await order.MoveAsync(OrderStatuses.Fulfilling);
        }
    }

    // A line is fulfilled once it has all its keys, whichever mix of own stock and suppliers delivered them.
    internal static async Task<bool> CompleteLineAsync(OrderTransaction order, LineRow line)
    {
        if (await order.QuerySingleOrDefaultAsync<int>(OrderLinesSql.SoldKeys, new { line.LineId }) < line.Quantity)
        {
            return false;
        }
        await order.ExecuteAsync(OrderLinesSql.SetStatus, new { line.LineId, Status = LineStatuses.Fulfilled, Error = (string?)null });
        await order.StepAsync("line_fulfilled", $"line {line.LineId}");
        return true;
    }

    internal sealed record LineRow(long LineId, long ProductId, int Quantity, decimal UnitPrice, string Status);

    private sealed record RecordedDelivery(long LineId, bool New);
}
