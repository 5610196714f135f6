using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using GamesDrop.Contracts.Admin;
using Npgsql;

namespace GamesDrop.Kernel.Features.Admin;

/// <summary>
/// Orders as the operations team reads them: filtered pages, and one order with its timeline, payment, refunds and where
/// each key came from (never the key). The BFF admits only admins.
/// </summary>
public static class AdminOrdersApi
{
    // Deeper than this, a filter finds the order faster than paging does.
    private const int MaxPage = 200;

    private static readonly HashSet<string> Statuses =
    [
        OrderStatuses.Pending, OrderStatuses.Reserved, OrderStatuses.AwaitingPayment, OrderStatuses.Held, OrderStatuses.Paid,
        OrderStatuses.Fulfilling, .. OrderStatuses.Final,
    ];

    public static RouteGroupBuilder MapAdminOrders(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/admin/orders").WithTags("Admin");
        group.MapGet("", ListAsync);
        group.MapGet("/{orderId}", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<AdminOrderPage>, ValidationProblem>> ListAsync(
        string? status, DateTimeOffset? from, DateTimeOffset? to, [StringLength(32)] string? supplier, [StringLength(254)] string? email,
        [Range(0, 1_000_000)] decimal? minTotal, [Range(0, 1_000_000)] decimal? maxTotal,
        [Range(1, MaxPage)] int? page, [Range(1, 100)] int? pageSize, NpgsqlDataSource db, CancellationToken ct)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of: {string.Join(", ", Statuses)}."] });
        }
        if (from > to || minTotal > maxTotal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [from > to ? "from" : "minTotal"] = ["The range is reversed."] });
        }
        var size = pageSize ?? 25;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(AdminOrdersSql.Page, new
        {
            Status = status, From = from?.UtcDateTime, To = to?.UtcDateTime, Supplier = AdminFilters.Blank(supplier),
            EmailLike = AdminFilters.Like(email), MinTotal = minTotal, MaxTotal = maxTotal,
            Limit = size, Offset = ((page ?? 1) - 1) * size,
        }, cancellationToken: ct));
        var orders = (await results.ReadAsync<AdminOrderSummary>()).ToList();
        return TypedResults.Ok(new AdminOrderPage(orders, await results.ReadSingleAsync<long>()));
    }

    private static async Task<Results<Ok<AdminOrder>, NotFound>> GetAsync(Guid orderId, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(AdminOrdersSql.Detail, new { OrderId = orderId }, cancellationToken: ct));
        if (await results.ReadSingleOrDefaultAsync<AdminOrderHead>() is not { } head)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(new AdminOrder(head,
            (await results.ReadAsync<AdminOrderLine>()).ToList(),
            await results.ReadSingleOrDefaultAsync<AdminPayment>(),
            (await results.ReadAsync<RefundRow>()).Select(r => new AdminRefund(r.RefundId, r.Amount, r.Currency, r.LineIds, r.At)).ToList(),
            (await results.ReadAsync<AdminOrderStep>()).ToList(),
            (await results.ReadAsync<AdminKeyProvenance>()).ToList()));
    }

    // Dapper reads bigint[] as an Array, which no record constructor takes; a property of type long[] it fills.
    private sealed class RefundRow
    {
        public required string RefundId { get; init; }
        public decimal Amount { get; init; }
        public required string Currency { get; init; }
        public required long[] LineIds { get; init; }
        public DateTime At { get; init; }
    }
}
