using Dapper;
using GamesDrop.Contracts.Orders;
using Npgsql;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>Reads an order as checkout sees it.</summary>
internal static class CheckoutOrders
{
    public static async Task<CheckoutOrder> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid orderId, CancellationToken ct) =>
        (await TryReadAsync(connection, transaction, orderId, ct))!;

    public static async Task<CheckoutOrder?> TryReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid orderId, CancellationToken ct)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            OrdersSql.Checkout, new { OrderId = orderId }, transaction, cancellationToken: ct));
        var order = await results.ReadSingleOrDefaultAsync<OrderRow>();
        if (order is null)
        {
            return null;
        }
        var lines = (await results.ReadAsync<CheckoutOrderLine>()).ToList();
        var payment = await results.ReadSingleOrDefaultAsync<CheckoutPayment>();
        var fraudDecision = await results.ReadSingleOrDefaultAsync<string>();
        var regionRefusal = await results.ReadSingleOrDefaultAsync<string>();
        return new CheckoutOrder(order.Id, order.Number, order.UserId, order.Email, order.CartId, order.Status, order.Currency, order.Total,
            lines, payment, Utc(order.UpdatedAt), fraudDecision, regionRefusal);
    }

    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
