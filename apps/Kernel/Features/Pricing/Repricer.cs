using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Wishlist;
using GamesDrop.Kernel.Features.Wishlist;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamesDrop.Kernel.Features.Pricing;

/// <summary>
/// Recomputes materialised store prices inside the caller's transaction, so a price never disagrees with the
/// offers, rates, suppliers or margin rules it was computed from once that transaction commits; wishlist price
/// drops it causes are published in the same transaction.
/// </summary>
public sealed class Repricer(IOptionsMonitor<StoreSettings> settings, IEventPublisher events)
{
    // Read at each call: staff change the fee without a restart.
    private StoreSettings Store => settings.CurrentValue;
    private decimal FeePercent => Store.PaymentFee.Percent;
    private decimal FeeFixed => Store.PaymentFee.Fixed;

    public Task RepriceProductsAsync(NpgsqlTransaction transaction, IReadOnlyCollection<long> productIds, CancellationToken ct) =>
        productIds.Count == 0 ? Task.CompletedTask
            : RunAsync(transaction, PricingSql.RepriceProducts, new { ProductIds = productIds.ToArray(), FeePercent, FeeFixed }, ct);

    /// <summary>After a rate change: every product with an offer quoted in <paramref name="currency"/>.</summary>
    public Task RepriceCurrencyAsync(NpgsqlTransaction transaction, string currency, CancellationToken ct) =>
        RunAsync(transaction, PricingSql.RepriceCurrency, new { Currency = currency, FeePercent, FeeFixed }, ct);

    /// <summary>After a supplier was enabled, disabled, or its reachability changed.</summary>
    public Task RepriceSupplierAsync(NpgsqlTransaction transaction, string supplier, CancellationToken ct) =>
        RunAsync(transaction, PricingSql.RepriceSupplier, new { Supplier = supplier, FeePercent, FeeFixed }, ct);

    /// <summary>
    /// After margin rules changed: every product that has or had a price. A settings change passes the fee it stores,
    /// which configuration holds only once that change committed.
    /// </summary>
    public Task RepriceAllAsync(NpgsqlTransaction transaction, CancellationToken ct, PaymentFeeSettings? fee = null) =>
        RunAsync(transaction, PricingSql.RepriceAll, new { FeePercent = fee?.Percent ?? FeePercent, FeeFixed = fee?.Fixed ?? FeeFixed }, ct);

    private async Task RunAsync(NpgsqlTransaction transaction, string sql, object parameters, CancellationToken ct)
    {
        IReadOnlyList<WishlistPriceDropped> drops;
        await using (var results = await transaction.Connection!.QueryMultipleAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct)))
        {
            await results.ReadAsync<long>();
            drops = await PriceDrops.ReadAsync(results, Store.Currency);
        }
        await events.PublishManyAsync(Topics.WishlistPriceDropped, drops, transaction, ct);
    }
}
