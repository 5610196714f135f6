using System.Net;
using System.Security.Cryptography;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Keys;
using GamesDrop.Kernel.Features.Scoreboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using static GamesDrop.Kernel.Features.Orders.OrderChange;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// Orders as checkout drives them: placed at locked prices, reserved, released before payment, completed after it.
/// Every write is idempotent: a repeat finds its work done under the order's lock and answers the same.
/// </summary>
public static class OrdersApi
{
    /// <summary>How long own-stock keys stay held for an unpaid order; checkout releases them sooner when approval times out.</summary>
    public const int HoldMinutes = 60;

    public static RouteGroupBuilder MapOrders(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders").WithTags("Checkout orders");
        group.MapPost("", CreateAsync);
        group.MapGet("/stuck", StuckAsync);
        group.MapGet("/{orderId}", GetAsync);
        group.MapPost("/{orderId}/reserve", ReserveAsync);
        group.MapPost("/{orderId}/release", ReleaseAsync);
        group.MapPost("/{orderId}/complete", CompleteAsync);
        return routes;
    }

    private static async Task<Results<Created<CreatedOrder>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOrder body, StoreSettings store, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = OrderValidation.Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (body.UserId is { } userId && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                OrdersSql.UserExists, new { UserId = userId }, transaction, cancellationToken: ct)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = ["No such user."] });
        }
        var products = (await connection.QueryAsync<SellingProduct>(new CommandDefinition(
            OrdersSql.Selling, new { Slugs = body.Lines.Select(l => l.Slug).ToArray() }, transaction, cancellationToken: ct)))
            .ToDictionary(p => p.Slug, StringComparer.Ordinal);
        if (body.Lines.Where(l => !products.ContainsKey(l.Slug)).Select(l => l.Slug).ToList() is { Count: > 0 } unknown)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["lines"] = unknown.Select(slug => $"'{slug}' is not for sale.").ToArray(),
            })
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Some products cannot be ordered now.",
            });
        }

        var id = Guid.CreateVersion7();
        var token = RandomNumberGenerator.GetBytes(32);
        var lines = body.Lines.Select(l => (Line: l, Product: products[l.Slug])).ToList();
        var total = lines.Sum(x => x.Product.Price * x.Line.Quantity);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(OrdersSql.Create, new
        {
            Id = id,
            body.UserId,
            Email = body.Email.Trim(),
            body.CartId,
            // Parsed and printed again: .NET reads forms ("1", "0x7f.1") PostgreSQL's inet does not.
            ClientIp = body.ClientIp is null ? null : IPAddress.Parse(body.ClientIp).ToString(),
            body.DeviceId,
            ReceiptTokenHash = ReceiptTokens.Hash(token),
            store.Currency,
            Total = total,
            ProductIds = lines.Select(x => x.Product.Id).ToArray(),
            Quantities = lines.Select(x => x.Line.Quantity).ToArray(),
            UnitPrices = lines.Select(x => x.Product.Price).ToArray(),
            Slugs = lines.Select(x => x.Product.Slug).ToArray(),
            Titles = lines.Select(x => x.Product.Title).ToArray(),
        }, transaction, cancellationToken: ct));
        var number = await results.ReadSingleAsync<string>();
        var created = new CreatedOrder(id, number, ReceiptTokens.Encode(token), total, store.Currency,
            (await results.ReadAsync<CreatedOrderLine>()).ToList());
        await results.DisposeAsync();
        await connection.ExecuteAsync(new CommandDefinition(OrdersSql.Step, new { OrderId = id, Step = "created", Note = (string?)null },
            transaction, cancellationToken: ct));
        await events.PublishAsync(Topics.OrderCreated, new OrderCreated(id, number, body.UserId, body.Email.Trim(), total, store.Currency,
            DateTimeOffset.UtcNow), transaction, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"orders/{id}", created);
    }

    private static async Task<Results<Ok<CheckoutOrder>, NotFound>> GetAsync(Guid orderId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await CheckoutOrders.TryReadAsync(connection, null, orderId, ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<StuckOrder>>, ValidationProblem>> StuckAsync(
        int? olderThanSeconds, NpgsqlDataSource db, CancellationToken ct)
    {
        if (olderThanSeconds is not (>= 0 and <= 30 * 24 * 3600))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["olderThanSeconds"] = ["Seconds, from 0 to 30 days."],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<StuckRow>(new CommandDefinition(
            OrdersSql.Stuck, new { OlderThanSeconds = (double)olderThanSeconds }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<StuckOrder>>(
            rows.Select(r => new StuckOrder(r.OrderId, r.Number, r.Status, CheckoutOrders.Utc(r.UpdatedAt))).ToList());
    }

    // Own stock first; what it cannot cover needs an affordable in-stock supplier offer, or nothing stays held.
    private static async Task<Results<Ok<ReserveResult>, NotFound>> ReserveAsync(
        Guid orderId, StoreSettings store, ScoreboardSettings scoring, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        if (order.Order.Status != OrderStatuses.Pending)
        {
            return TypedResults.Ok(order.Order.Status is OrderStatuses.Expired or OrderStatuses.Cancelled or OrderStatuses.Failed
                ? new ReserveResult(false, $"The order is {order.Order.Status}.")
                : new ReserveResult(true));
        }
        var fromStock = new HashSet<long>();
        foreach (var line in await order.QueryAsync<PendingLine>(OrdersSql.PendingLines, new { OrderId = orderId }))
        {
            var held = await order.ExecuteAsync(OrdersSql.ReserveStock,
                new { line.LineId, line.ProductId, Count = line.Quantity, HoldMinutes });
            if (held > 0)
            {
                fromStock.Add(line.ProductId);
            }
            var missing = line.Quantity - held;
            // Every offer counts here, whatever the buyer's country: the region check that follows refuses a country no offer
            // works in and says why, where counting only the buyer's offers would call the game out of stock.
            if (missing > 0 && (await Candidates.ForLineAsync(order, line.ProductId, line.UnitPrice, scoring, country: null)).Sum(c => c.Stock) < missing)
            {
                // Not committed: every key held above goes back with the rollback.
                return TypedResults.Ok(new ReserveResult(false, $"'{line.Slug}' is out of stock at its price."));
            }
        }
        await OwnStockAlerts.TakenAsync(order.Transaction, fromStock, store, events, ct);
        await order.MoveAsync(OrderStatuses.Reserved);
        await order.CommitAsync();
        return TypedResults.Ok(new ReserveResult(true));
    }

    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        Guid orderId, ReleaseOrder body, StoreSettings store, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, OrderValidation.Validate(body), async order =>
        {
            if (order.Order.Status == body.Status)
            {
                return null;
            }
            if (!order.Order.IsBeforePayment)
            {
                return Conflict($"The order is {order.Order.Status}; only an order not yet paid can be released.");
            }
            await order.ExecuteAsync(OrdersSql.ReleaseStock, new { OrderId = orderId });
            await OwnStockAlerts.RestockedAsync(order.Transaction, store, ct);
            await order.ExecuteAsync(PaymentsSql.Void, new { OrderId = orderId });
            await order.MoveAsync(body.Status, body.Reason);
            if (body.Status == OrderStatuses.Failed)
            {
                await events.PublishAsync(Topics.OrderFailed, new OrderFailed(orderId, order.Order.Number, body.Reason, DateTimeOffset.UtcNow),
                    order.Transaction, ct);
            }
            return null;
        }, ct);

    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        Guid orderId, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, [], async order =>
        {
            if (order.Order.Captured && OrderStatuses.Final.Contains(order.Order.Status))
            {
                return null;
            }
            if (!order.Order.IsPaidAndOpen)
            {
                return Conflict($"The order is {order.Order.Status}; only a paid order can be completed.");
            }
            return await FinishAsync(order, events, ct) ? null : Conflict("Some lines are neither fulfilled, failed nor refunded yet.");
        }, ct);

    /// <summary>
    /// Moves a paid order whose lines are all resolved to its final status and announces it; false while a line is
    /// still pending. Also what a line fulfilled by hand after the order failed runs, so it ends as the workflow's would.
    /// </summary>
    internal static async Task<bool> FinishAsync(OrderTransaction order, IEventPublisher events, CancellationToken ct)
    {
        var lines = await order.QueryAsync<LineOutcome>(OrdersSql.LineOutcomes, new { OrderId = order.Order.Id });
        if (lines.Any(l => l.Status == LineStatuses.Pending))
        {
            return false;
        }
        var status = FinalStatus.Of(lines);
        await order.MoveAsync(status);
        await PublishOutcomeAsync(events, order, status, lines, ct);
        return true;
    }

    /// <summary>The event of a final status: completed for any paid outcome with its delivered keys, failed for lines left unresolved.</summary>
    private static Task PublishOutcomeAsync(
        IEventPublisher events, OrderTransaction order, string status, IReadOnlyList<LineOutcome> lines, CancellationToken ct)
    {
        var o = order.Order;
        return status == OrderStatuses.Failed
            ? events.PublishAsync(Topics.OrderFailed, new OrderFailed(o.Id, o.Number, "Some lines were neither delivered nor refunded.", DateTimeOffset.UtcNow),
                order.Transaction, ct)
            : events.PublishAsync(Topics.OrderCompleted, new OrderCompleted(o.Id, o.Number, o.UserId, o.Email,
                lines.Where(l => l.Status == LineStatuses.Fulfilled).Sum(l => l.Keys), DateTimeOffset.UtcNow), order.Transaction, ct);
    }

    private sealed record SellingProduct(long Id, string Slug, string Title, decimal Price);

    private sealed record StuckRow(Guid OrderId, string Number, string Status, DateTime UpdatedAt);

    private sealed record PendingLine(long LineId, long ProductId, string Slug, int Quantity, decimal UnitPrice);
}
