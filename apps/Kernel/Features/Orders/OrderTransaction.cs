using Dapper;
using GamesDrop.Contracts.Orders;
using Npgsql;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// A write to one order: the order row is locked first, so concurrent calls for the same order take turns and each
/// sees what the previous one committed; that is what makes every repeated call find its work done. Status changes,
/// timeline steps and events (published in <see cref="Transaction"/>) all go in the same transaction.
/// </summary>
internal sealed class OrderTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly CancellationToken _ct;

    private OrderTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, OrderRow order, CancellationToken ct)
    {
        _connection = connection;
        _transaction = transaction;
        Order = order;
        _ct = ct;
    }

    public OrderRow Order { get; private set; }

    public NpgsqlTransaction Transaction => _transaction;

    /// <summary>The order locked for this transaction, or null when there is no such order.</summary>
    public static async Task<OrderTransaction?> BeginAsync(NpgsqlDataSource db, Guid orderId, CancellationToken ct)
    {
        var connection = await db.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        var order = await connection.QuerySingleOrDefaultAsync<OrderRow>(new CommandDefinition(
            OrdersSql.Lock, new { OrderId = orderId }, transaction, cancellationToken: ct));
        if (order is null)
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            return null;
        }
        return new OrderTransaction(connection, transaction, order, ct);
    }

    public Task<int> ExecuteAsync(string sql, object parameters) =>
        _connection.ExecuteAsync(new CommandDefinition(sql, parameters, _transaction, cancellationToken: _ct));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters) =>
        (await _connection.QueryAsync<T>(new CommandDefinition(sql, parameters, _transaction, cancellationToken: _ct))).ToList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object parameters) =>
        _connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, _transaction, cancellationToken: _ct));

    /// <summary>Sets the status and appends it as a step; <paramref name="reason"/> is kept on the order and as the step's note.</summary>
    public async Task MoveAsync(string status, string? reason = null)
    {
        await ExecuteAsync(OrdersSql.SetStatus, new { OrderId = Order.Id, Status = status, Reason = reason });
        Order = Order with { Status = status };
        await StepAsync(status, reason);
    }

    /// <summary>Appends a step once: the same step and note again adds nothing.</summary>
    public Task StepAsync(string step, string? note = null) => ExecuteAsync(OrdersSql.Step, new { OrderId = Order.Id, Step = step, Note = note });

    /// <summary>The order as checkout sees it, including this transaction's changes.</summary>
    public Task<CheckoutOrder> ReadAsync() => CheckoutOrders.ReadAsync(_connection, _transaction, Order.Id, _ct);

    public Task CommitAsync() => _transaction.CommitAsync(_ct);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>An order's own columns; times are UTC.</summary>
internal sealed record OrderRow(
    Guid Id, string Number, Guid? UserId, string Email, string? CartId, string Status, string Currency, decimal Total, DateTime UpdatedAt, bool Captured)
{
    public bool IsBeforePayment => OrderStatuses.BeforePayment.Contains(Status);

    public bool IsPaidAndOpen => Status is OrderStatuses.Paid or OrderStatuses.Fulfilling;
}
