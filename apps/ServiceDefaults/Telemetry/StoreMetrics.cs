using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GamesDrop.ServiceDefaults.Telemetry;

/// <summary>
/// The store's business metrics, exported beside the runtime's. A rate of <see cref="SyncedOffers"/> is offers synced
/// per second; the circuit breakers' gauge lives with the breakers (BuildingBlocks, BreakerStateGauge).
/// </summary>
public static class StoreMetrics
{
    public const string MeterName = "GamesDrop.Store";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Orders = Meter.CreateCounter<long>("gamesdrop.orders.paid", "{order}", "Orders paid.");

    private static readonly Counter<decimal> Revenue = Meter.CreateCounter<decimal>("gamesdrop.revenue", "{currency_unit}", "Amounts captured, by currency.");

    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("gamesdrop.sync.offers", "{offer}", "Supplier offers synced into the catalog.");

    private static readonly Histogram<double> Search = Meter.CreateHistogram<double>("gamesdrop.search.duration", "s", "Catalog searches, database time included.");

    public static void OrderPaid(decimal amount, string currency)
    {
        var tag = new KeyValuePair<string, object?>("currency", currency);
        Orders.Add(1, tag);
        Revenue.Add(amount, tag);
    }

    public static void SyncedOffers(string supplier, int count) => Offers.Add(count, new KeyValuePair<string, object?>("supplier", supplier));

    /// <summary>Records a search begun at <paramref name="started"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void Searched(long started) => Search.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
}
