using System.Net;
using System.Net.Http.Json;
using System.Text;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Tests.Features.Orders;
using static GamesDrop.Contracts.Admin.StockUploadOutcomes;

namespace GamesDrop.Kernel.Tests.Features.Inventory;

public sealed class InventoryUploadTests : OrdersTest
{
    private async Task<StockUploadReport> UploadAsync(string csv)
    {
        var response = await Client.PostAsJsonAsync("/kernel/admin/inventory/upload", new StockUpload("stock.csv", Encoding.UTF8.GetBytes(csv)));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().NotContainAny("AAAA-0001", "AAAA-0002", "OLD-KEY-1", "AAAA-0005");
        return (await response.Content.ReadFromJsonAsync<StockUploadReport>())!;
    }

    private Task<StockInventory?> InventoryAsync() => Client.GetFromJsonAsync<StockInventory>("/kernel/admin/inventory");

    private static string Rows(string product, int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(n => $"{product},STOCK-{n:D4}\n"));

    [Fact]
    public async Task An_upload_stores_good_rows_once_and_reports_every_other_row_by_its_line()
    {
        await Client.AddStockAsync(OrderData.Elden, "OLD-KEY-1");

        var report = await UploadAsync("\uFEFFproduct,key\r\n" +
            $"{OrderData.Elden},AAAA-0001\r\n" +
            $"\"{OrderData.Hades}\",\"AAAA-0002\"\r\n" +
            "no-such-game,AAAA-0003\r\n" +
            $"{OrderData.Hades}, AAAA-0001 \r\n" +
            $"{OrderData.Elden},OLD-KEY-1\r\n" +
            "=1+cmd,AAAA-0004\r\n" +
            $"{OrderData.Elden},AAAA\0-0005\r\n");

        report.Lines.Select(l => (l.Line, l.Product, l.Outcome)).Should().Equal(
            (2, OrderData.Elden, Added),
            (3, OrderData.Hades, Added),
            (4, "no-such-game", ProductNotFound),
            (5, OrderData.Hades, DuplicateInFile),
            (6, OrderData.Elden, AlreadyStored),
            (7, "'=1+cmd", ProductNotFound),
            (8, OrderData.Elden, BadFormat));
        report.Lines[3].Detail.Should().Be("The same key as line 2.");
        (report.Rows, report.Added, report.Rejected).Should().Be((7, 2, 5));
        (await InventoryAsync())!.Products.Select(p => (p.Slug, p.Available)).Should().BeEquivalentTo([(OrderData.Elden, 2), (OrderData.Hades, 1)]);
        (await App.ScalarAsync<long>("SELECT count(*) FROM product_keys WHERE encode(ciphertext, 'escape') LIKE '%AAAA%'")).Should().Be(0, "keys are sealed");
    }

    [Fact]
    public async Task The_same_file_uploaded_again_adds_nothing()
    {
        var file = "product,key\n" + Rows(OrderData.Elden, 1, 3);

        var first = await UploadAsync(file);
        var second = await UploadAsync(file);

        (first.Added, second.Added).Should().Be((3, 0));
        second.Lines.Should().OnlyContain(l => l.Outcome == AlreadyStored);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_refused_whole_and_stores_nothing()
    {
        var response = await Client.PostAsJsonAsync("/kernel/admin/inventory/upload",
            new StockUpload("stock.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes($"product,key\n{OrderData.Elden},AAAA-0001\n")]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("UTF-16");
        (await App.ScalarAsync<long>("SELECT count(*) FROM product_keys")).Should().Be(0);
    }

    [Fact]
    public async Task Counts_follow_sales_and_a_refill_rearms_the_low_stock_alert_a_drain_then_raises()
    {
        await UploadAsync("product,key\n" + Rows(OrderData.Elden, 1, 7));
        var paid = await Client.PaidOrderAsync(null, (OrderData.Elden, 1));
        await Client.PostOkAsync<FulfilResult>($"/kernel/orders/{paid.OrderId}/lines/{paid.Lines.Single().LineId}/fulfil-from-stock");
        await Client.ReserveAsync((await Client.CreateOrderAsync(null, (OrderData.Elden, 1))).OrderId);
        var drained = await InventoryAsync();
        await UploadAsync("product,key\n" + Rows(OrderData.Elden, 100, 3));
        var refilled = await InventoryAsync();
        var alertsBeforeDrain = await App.OutboxCountAsync(Topics.OwnStockLow);
        await Client.ReserveAsync((await Client.CreateOrderAsync(null, (OrderData.Elden, 3))).OrderId);

        drained!.Products.Single().Should().Be(new StockCount(OrderData.Elden, "Elden Ring", 5, 1, 1, Low: true));
        refilled!.Products.Single().Should().Be(new StockCount(OrderData.Elden, "Elden Ring", 8, 1, 1, Low: false));
        alertsBeforeDrain.Should().Be(1, "the first fall to 5 alerted; the refill raised none");
        var alerts = await App.OutboxEventsAsync(Topics.OwnStockLow);
        alerts.Select(a => a.GetProperty("available").GetInt32()).Should().Equal(5, 5);
    }
}
