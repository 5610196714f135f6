using System.Diagnostics;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Benchmarks;

/// <summary>
/// A closed loop of buyers, each placing its next order when the last one's keys were delivered: place the order, start
/// its checkout, approve on the PayPal simulator, come back, and wait until the order is completed. The latency is from
/// "place order" to "keys delivered".
/// </summary>
internal sealed class CheckoutLoad(HttpClient store, HttpClient paypal, IReadOnlyList<string> slugs)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _failures = new();

    /// <summary>How the orders that did not complete ended, e.g. "cancelled: 3".</summary>
    public string Failures => _failures.IsEmpty ? "none" : string.Join(", ", _failures.OrderBy(f => f.Key).Select(f => $"{f.Key}: {f.Value}"));

    private static readonly TimeSpan OrderTimeout = TimeSpan.FromMinutes(2);

    public async Task<LatencyReport> RunAsync(int orders, int concurrency, CancellationToken ct)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var buyers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var latencies = new List<double>();
            var errors = 0;
            while (Interlocked.Increment(ref next) < orders)
            {
                var started = Stopwatch.GetTimestamp();
                string status;
                try
                {
                    status = await BuyAsync(slugs[next % slugs.Count], ct);
                }
                catch (HttpRequestException e)
                {
                    status = "error " + (e.StatusCode is { } code ? (int)code : 0);
                }
                if (status == OrderStatuses.Completed)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    continue;
                }
                _failures.AddOrUpdate(status, 1, (_, n) => n + 1);
                errors++;
            }
            return (latencies, errors);
        }));
        return new LatencyReport([.. buyers.SelectMany(b => b.latencies).Order()], buyers.Sum(b => b.errors), clock.Elapsed);
    }

    private async Task<string> BuyAsync(string slug, CancellationToken ct)
    {
        using var placed = await store.PostAsJsonAsync("kernel/orders", new CreateOrder(null, "bench@example.com", null, [new CreateOrderLine(slug, 1)]), ct);
        placed.EnsureSuccessStatusCode();
        var order = (await placed.Content.ReadFromJsonAsync<CreatedOrder>(ct))!;
        (await store.PostAsJsonAsync("checkout/checkouts", new { order.OrderId }, ct)).EnsureSuccessStatusCode();
        var state = (await store.GetFromJsonAsync<CheckoutStateWire>($"checkout/checkouts/{order.OrderId}?waitForApproval=true", ct))!;
        var payPalOrderId = (await store.GetFromJsonAsync<CheckoutOrder>($"kernel/orders/{order.OrderId}", ct))!.Payment?.ProviderOrderId;
        if (state.ApproveUrl is null || payPalOrderId is null)
        {
            return state.Status;
        }
        using (var approved = await paypal.PostAsync("checkoutnow",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = payPalOrderId, ["action"] = "approve" }), ct))
        {
            if ((int)approved.StatusCode != 303)
            {
                throw new HttpRequestException($"PayPal approval answered {(int)approved.StatusCode}");
            }
        }
        (await store.PostAsJsonAsync($"checkout/checkouts/{order.OrderId}/return", new { token = payPalOrderId }, ct)).EnsureSuccessStatusCode();
        var deadline = Stopwatch.GetTimestamp() + (long)(OrderTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var current = (await store.GetFromJsonAsync<CheckoutOrder>($"kernel/orders/{order.OrderId}", ct))!;
            if (OrderStatuses.Final.Contains(current.Status))
            {
                return current.Status;
            }
            await Task.Delay(10, ct);
        }
        return "timed out";
    }

    private sealed record CheckoutStateWire(Guid OrderId, string Status, string? ApproveUrl);
}
