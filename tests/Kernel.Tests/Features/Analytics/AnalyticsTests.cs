using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts.Admin;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Analytics;

/// <summary>
/// The sales report over a seeded week in Berlin (UTC+1 in December): a day there starts at 23:00 UTC the day before.
/// Sales: A (EUR 25, two lines, one refunded with its shown Kinguin key), B (USD 10 at 0.92, a Digiflazz key bought in
/// IDR, a money-only refund), F (EUR 9, two lines refunded whole, their unshown keys back in stock), C (EUR 15.50, an
/// own-stock key of no known cost); E and D, one second outside each end of the range.
/// </summary>
public sealed class AnalyticsTests : CatalogTest
{
    private const string Elden = "elden-ring-steam-global";
    private const string Hades = "hades-steam-global";
    private const string Range = "from=2026-12-01&to=2026-12-04";

    private static DateTimeOffset Utc(int day, int hour, int minute = 0, int second = 0) =>
        new(2026, day == 30 ? 11 : 12, day, hour, minute, second, TimeSpan.Zero);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Analytics:TimeZone"] = "Europe/Berlin" };

    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.RegisterSupplierAsync("digiflazz", "IDR");
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", "Elden Ring"), Offer("k-2", "Hades"));
        await using var sales = await SalesData.OpenAsync(App);

        // Berlin's 30 November, 23:59:59: the day before the range.
        var e = await sales.OrderAsync("EUR", 50m, Utc(30, 22, 59, 59), Utc(30, 22, 59, 59));
        var e1 = await sales.LineAsync(e, Elden, 1, 50m);
        var eKey = await sales.KeyAsync(Elden, "kinguin", 1m, "EUR", e1, Utc(30, 22, 59, 59), revealed: true);
        await sales.ClaimAsync(eKey, Utc(30, 22, 0));

        // Berlin's 1 December, 00:00.
        var a = await sales.OrderAsync("EUR", 25m, Utc(30, 23), Utc(30, 23));
        var a1 = await sales.LineAsync(a, Elden, 2, 10m);
        var a1Key = await sales.KeyAsync(Elden, "kinguin", 7.5m, "EUR", a1, Utc(30, 23), revealed: true);
        await sales.KeyAsync(Elden, "kinguin", 7.5m, "EUR", a1, Utc(30, 23));
        var a2 = await sales.LineAsync(a, Hades, 1, 5m, "refunded");
        var a2Key = await sales.KeyAsync(Hades, "kinguin", 4m, "EUR", a2, Utc(30, 23), revealed: true);
        await sales.RefundAsync(a, 5m, "EUR", Utc(2, 10), a2);
        await sales.ClaimAsync(a2Key, Utc(2, 8), "refunded");
        await sales.ClaimAsync(a1Key, Utc(3, 8));

        var b = await sales.OrderAsync("USD", 10m, Utc(1, 12), Utc(1, 12));
        var b1 = await sales.LineAsync(b, Hades, 1, 10m);
        var bKey = await sales.KeyAsync(Hades, "digiflazz", 100_000m, "IDR", b1, Utc(1, 12), revealed: true);
        await sales.RefundAsync(b, 1m, "USD", Utc(3, 10));
        // Berlin's 5 December, 00:30.
        await sales.ClaimAsync(bKey, Utc(4, 23, 30));

        // An order placed that never got paid: a checkout, no sale.
        await sales.OrderAsync("EUR", 12m, Utc(2, 12), status: "expired");

        var f = await sales.OrderAsync("EUR", 9m, Utc(3, 9), Utc(3, 9), "refunded");
        var f1 = await sales.LineAsync(f, Elden, 1, 6m, "refunded");
        await sales.DeliveryAsync(f1, "digiflazz");
        await sales.KeyAsync(Elden, "digiflazz", 50_000m, "IDR");
        var f2 = await sales.LineAsync(f, Hades, 1, 3m, "refunded");
        await sales.KeyAsync(Hades, null, null, null);
        await sales.RefundAsync(f, 9m, "EUR", Utc(3, 11), f1, f2);

        // Berlin's 4 December, 23:59:59: the last second of the range.
        var c = await sales.OrderAsync("EUR", 15.5m, Utc(4, 22, 59, 59), Utc(4, 22, 59, 59));
        var c1 = await sales.LineAsync(c, Elden, 1, 15.5m);
        await sales.KeyAsync(Elden, null, null, null, c1, Utc(4, 22, 59, 59));

        // Berlin's 5 December, 00:00: the day after.
        var d = await sales.OrderAsync("EUR", 30m, Utc(4, 23), Utc(4, 23));
        var d1 = await sales.LineAsync(d, Elden, 1, 30m);
        await sales.KeyAsync(Elden, "kinguin", 1m, "EUR", d1, Utc(4, 23));

        await sales.FunnelAsync(Utc(30, 22, 45), 100, 10);
        await sales.FunnelAsync(Utc(30, 23), 7, 2);
        await sales.FunnelAsync(Utc(4, 22, 45), 5, 1);
        await sales.FunnelAsync(Utc(4, 23), 50, 5);
    }

    [Fact]
    public async Task Each_day_of_the_zone_has_its_captures_and_refunds_and_a_quiet_day_is_zero()
    {
        var report = await ReportAsync(Range);

        report.TimeZone.Should().Be("Europe/Berlin");
        report.Currency.Should().Be("EUR");
        report.Days.Should().Equal(
            new SalesDay(new DateOnly(2026, 12, 1), 2, 34.20m, 0m, 34.20m),
            new SalesDay(new DateOnly(2026, 12, 2), 0, 0m, 5m, -5m),
            new SalesDay(new DateOnly(2026, 12, 3), 1, 9m, 9.92m, -0.92m),
            new SalesDay(new DateOnly(2026, 12, 4), 1, 15.5m, 0m, 15.5m));
    }

    [Fact]
    public async Task Margin_refunds_and_claims_count_against_the_supplier_that_delivered()
    {
        var report = await ReportAsync(Range);

        report.Suppliers.Should().Equal(
            // 100,000 IDR at 0.000057 is 5.70; F's unshown key went back to stock, its refund stays Digiflazz's.
            new SupplierSales("digiflazz", "DIGIFLAZZ", 1, 9.20m, 5.70m, 3.50m, 0, 1, 6m, 0, 0),
            // The refunded line's shown key cost 4.00 and earned nothing.
            new SupplierSales("kinguin", "KINGUIN", 3, 20m, 19m, 1m, 0, 1, 5m, 2, 1),
            // F's own-stock line (3.00) and B's refund of no line (1 USD).
            new SupplierSales(null, "Own stock", 1, 15.5m, 0m, 15.5m, 1, 1, 3.92m, 0, 0));
        report.Suppliers.Sum(s => s.Refunded).Should().Be(report.Days.Sum(d => d.Refunds));
    }

    [Fact]
    public async Task Top_products_leave_out_refunded_lines_and_the_funnel_counts_only_the_range()
    {
        var report = await ReportAsync(Range);

        report.TopProducts.Select(p => (p.Slug, p.Units, p.Revenue)).Should().Equal((Elden, 3L, 35.5m), (Hades, 1L, 9.20m));
        report.Funnel.Should().Be(new SalesFunnel(ProductViews: 12, CartAdds: 3, Checkouts: 5, Paid: 4));
        (await ReportAsync(Range + "&top=1")).TopProducts.Should().ContainSingle().Which.Slug.Should().Be(Elden);
    }

    [Fact]
    public async Task A_one_day_range_is_that_day_of_the_zone_only()
    {
        var report = await ReportAsync("from=2026-12-01&to=2026-12-01");

        report.Days.Should().Equal(new SalesDay(new DateOnly(2026, 12, 1), 2, 34.20m, 0m, 34.20m));
        report.Funnel.Should().Be(new SalesFunnel(7, 2, 2, 2));
    }

    [Theory]
    [InlineData("from=2026-12-05&to=2026-12-04", "from")]
    [InlineData("from=2025-12-01&to=2026-12-03", "to")]
    [InlineData("from=2026-12-01&to=2026-12-04&top=51", "top")]
    public async Task A_reversed_or_too_long_range_is_refused(string query, string field)
    {
        var response = await Client.GetAsync("/kernel/admin/analytics?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Contain(k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_longest_range_has_a_row_for_every_day()
    {
        var report = await ReportAsync("from=2025-12-02&to=2026-12-03");

        report.Days.Should().HaveCount(367);
        // E, A, B and F: C and D are on 4 and 5 December.
        report.Days.Sum(d => d.Orders).Should().Be(4);
    }

    [Fact]
    public async Task Funnel_counts_from_several_processes_add_up_in_the_quarter_hour_they_arrive()
    {
        // Three UTC days around now hold today in any zone.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var around = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var before = (await ReportAsync(around)).Funnel;

        (await Client.PostAsJsonAsync("/kernel/funnel-counts", new FunnelCounts(3, 1))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Client.PostAsJsonAsync("/kernel/funnel-counts", new FunnelCounts(2, 0))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Client.PostAsJsonAsync("/kernel/funnel-counts", new FunnelCounts(-1, 0))).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var after = (await ReportAsync(around)).Funnel;
        (after.ProductViews - before.ProductViews, after.CartAdds - before.CartAdds).Should().Be((5L, 1L));
    }

    [Fact]
    public async Task Without_a_range_the_report_is_the_last_30_days_to_today_in_the_zone()
    {
        var report = await ReportAsync("");

        report.Days.Should().HaveCount(30);
        report.To.Should().Be(report.Days[^1].Day);
        report.To.DayNumber.Should().BeCloseTo(DateOnly.FromDateTime(DateTime.UtcNow).DayNumber, 1);
    }

    private async Task<SalesReport> ReportAsync(string query)
    {
        var response = await Client.GetAsync("/kernel/admin/analytics?" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SalesReport>())!;
    }
}
