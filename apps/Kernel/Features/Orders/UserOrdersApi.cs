using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>A user's own orders, for the account pages; checkout fills them.</summary>
public static class UserOrdersApi
{
    public static RouteGroupBuilder MapUserOrders(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/users/{userId}/orders").WithTags("Orders");
        group.MapGet("", ListAsync);
        group.MapGet("/{orderId}", GetAsync);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<OrderSummary>>> ListAsync(Guid userId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var orders = await connection.QueryAsync<OrderSummary>(new CommandDefinition(OrdersSql.ByUser, new { UserId = userId }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<OrderSummary>>(orders.ToList());
    }

    private static async Task<Results<Ok<OrderDetail>, NotFound>> GetAsync(Guid userId, Guid orderId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            OrdersSql.OneOfUser, new { UserId = userId, OrderId = orderId }, cancellationToken: ct));
        var order = await results.ReadSingleOrDefaultAsync<OrderSummary>();
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new OrderDetail(order, (await results.ReadAsync<OrderLine>()).ToList()));
    }
}

/// <summary>An order as its buyer sees it; times are UTC.</summary>
public sealed record OrderSummary(Guid Id, string Number, string Status, string Currency, decimal Total, DateTime CreatedAt);

public sealed record OrderLine(string Title, int Quantity, decimal UnitPrice, string Status);

public sealed record OrderDetail(OrderSummary Order, IReadOnlyList<OrderLine> Lines);
