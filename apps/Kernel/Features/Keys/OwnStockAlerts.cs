using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using Npgsql;

namespace GamesDrop.Kernel.Features.Keys;

/// <summary>
/// Low own stock, in the transaction that changes it: <c>own-stock-low</c> once when a product's available keys fall to
/// <see cref="StoreSettings.LowStockThreshold"/> or below, and again only after a restock lifted it above.
/// </summary>
internal static class OwnStockAlerts
{
    /// <summary>After keys of <paramref name="productIds"/> were taken from stock.</summary>
    public static async Task TakenAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<long> productIds, StoreSettings store, IEventPublisher events, CancellationToken ct)
    {
        if (productIds.Count == 0)
        {
            return;
        }
        var low = (await transaction.Connection!.QueryAsync<LowProduct>(new CommandDefinition(OwnStockSql.MarkLow,
            new { ProductIds = productIds.ToArray(), Threshold = store.LowStockThreshold }, transaction, cancellationToken: ct))).ToList();
        if (low.Count > 0)
        {
            await events.PublishManyAsync(Topics.OwnStockLow,
                low.Select(p => new OwnStockLow(p.ProductId, p.Slug, p.Title, p.Available, store.LowStockThreshold, DateTimeOffset.UtcNow)).ToList(),
                transaction, ct);
        }
    }

    /// <summary>After keys went (back) into stock.</summary>
    public static Task RestockedAsync(NpgsqlTransaction transaction, StoreSettings store, CancellationToken ct) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(OwnStockSql.Rearm, new { Threshold = store.LowStockThreshold }, transaction, cancellationToken: ct));

    private sealed record LowProduct(long ProductId, string Slug, string Title, int Available);
}
