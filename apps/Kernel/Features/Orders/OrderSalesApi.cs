using Dapper;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>An order's revenue and key costs, for the notifier's sales sheet.</summary>
public static class OrderSalesApi
{
    public static RouteGroupBuilder MapOrderSales(this RouteGroupBuilder routes)
    {
        routes.MapGet("/orders/{orderId}/sales", GetAsync).WithTags("Checkout orders");
        return routes;
    }

    private static async Task<Results<Ok<OrderSales>, NotFound>> GetAsync(Guid orderId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.QueryMultipleAsync(new CommandDefinition(OrderSalesSql.ByOrder, new { OrderId = orderId }, cancellationToken: ct));
        var order = await reader.ReadSingleOrDefaultAsync<SalesRow>();
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        var lines = (await reader.ReadAsync<OrderSalesLine>()).ToList();
        return TypedResults.Ok(new OrderSales(order.OrderId, order.Number, order.Status, order.Currency.Trim(), order.Revenue, order.Cost, lines));
    }

    private sealed record SalesRow(Guid OrderId, string Number, string Status, string Currency, decimal Revenue, decimal Cost);
}
