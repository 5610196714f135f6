using System.Net;
using System.Net.Http.Json;
using System.Text;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Tests.Features.Orders;

namespace GamesDrop.Kernel.Tests.Features.Admin;

public sealed class AdminOrderActionsTests : OrdersTest
{
    private static readonly Guid AdminId = Guid.Parse("00000000-0000-0000-0000-00000000ad01");

    private Task<Guid> AdminAsync() => App.ScalarAsync<Guid>(
        "INSERT INTO users (id, email, display_name, password_hash) VALUES (@AdminId, 'ops@example.com', 'Ops', 'x') RETURNING id", new { AdminId });

    private async Task<CreatedOrder> FailedOrderAsync()
    {
        var order = await Client.PaidOrderAsync();
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/failed", new FailLine("out of stock"));
        (await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/complete")).Status.Should().Be(OrderStatuses.Failed);
        return order;
    }

    [Fact]
    public async Task A_key_pasted_for_a_failed_line_is_stored_sealed_and_the_order_completes_as_the_workflow_would()
    {
        await AdminAsync();
        var order = await FailedOrderAsync();
        var line = $"/kernel/admin/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/manual-keys";

        var fulfilled = await Client.PostOkAsync<ManualFulfilment>(line, new ManualKeys(AdminId, [" PASTED-KEY-0001 "]));
        var again = await Client.PostAsJsonAsync(line, new ManualKeys(AdminId, ["PASTED-KEY-0002"]));

        fulfilled.Should().Be(new ManualFulfilment(1, OrderStatuses.Completed));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "the line has its key now");
        var stored = (await App.QueryAsync<(string Source, Guid? AddedBy, byte[] Ciphertext)>(
            "SELECT source, added_by, ciphertext FROM product_keys WHERE order_line_id = @LineId AND status = 'sold'",
            new { order.Lines.Single().LineId })).Single();
        (stored.Source, stored.AddedBy).Should().Be(("manual", AdminId));
        Encoding.UTF8.GetString(stored.Ciphertext).Should().NotContain("PASTED-KEY-0001");
        (await App.ScalarAsync<long>("SELECT count(*) FROM fulfilments WHERE source = 'manual'")).Should().Be(1);
        (await App.OutboxCountAsync(Topics.OrderCompleted)).Should().Be(1);
        var key = await Client.PostOkAsync<RevealedKey>($"/kernel/admin/orders/{order.OrderId}/keys/{await KeyIdAsync(order)}/reveal", new AdminKeyReveal(AdminId));
        key.Value.Should().Be("PASTED-KEY-0001", "the vault opens what it sealed, trimmed");
    }

    [Fact]
    public async Task Pasted_keys_are_refused_when_too_few_blank_repeated_or_already_in_the_vault_and_nothing_is_stored()
    {
        await AdminAsync();
        await Client.AddStockAsync(OrderData.Hades, "STOCK-KEY-1");
        var order = await FailedOrderAsync();
        var line = $"/kernel/admin/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/manual-keys";

        var tooMany = await Client.PostAsJsonAsync(line, new ManualKeys(AdminId, ["A-1", "A-2"]));
        var blank = await Client.PostAsJsonAsync(line, new ManualKeys(AdminId, ["  "]));
        var control = await Client.PostAsJsonAsync(line, new ManualKeys(AdminId, ["A\u0000B"]));
        var known = await Client.PostAsJsonAsync(line, new ManualKeys(AdminId, ["STOCK-KEY-1"]));
        var stranger = await Client.PostAsJsonAsync(line, new ManualKeys(Guid.NewGuid(), ["NEW-KEY-1"]));

        (tooMany.StatusCode, blank.StatusCode, control.StatusCode, stranger.StatusCode).Should().Be(
            (HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        known.StatusCode.Should().Be(HttpStatusCode.Conflict, "a key the vault holds is never sold twice");
        (await known.Content.ReadAsStringAsync()).Should().NotContain("STOCK-KEY-1");
        (await App.ScalarAsync<long>("SELECT count(*) FROM product_keys WHERE source = 'manual'")).Should().Be(0);
        (await Client.GetOrderAsync(order.OrderId)).Status.Should().Be(OrderStatuses.Failed);
    }

    [Fact]
    public async Task An_admin_reveal_is_logged_with_the_admin_and_leaves_the_buyers_refund_right_alone()
    {
        await AdminAsync();
        await Client.AddStockAsync(OrderData.Elden, "STOCK-ELDEN-1");
        var order = await Client.PaidOrderAsync();
        await Client.PostOkAsync<FulfilResult>($"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/fulfil-from-stock");
        var keyId = await KeyIdAsync(order);

        var key = await Client.PostOkAsync<RevealedKey>($"/kernel/admin/orders/{order.OrderId}/keys/{keyId}/reveal", new AdminKeyReveal(AdminId));
        var otherOrder = await Client.PostAsJsonAsync($"/kernel/admin/orders/{Guid.NewGuid()}/keys/{keyId}/reveal", new AdminKeyReveal(AdminId));

        key.Value.Should().Be("STOCK-ELDEN-1");
        otherOrder.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await App.QueryAsync<(string, Guid?)>("SELECT channel, user_id FROM key_reveals WHERE product_key_id = @KeyId", new { KeyId = keyId }))
            .Should().Equal(("admin", AdminId));
        (await App.ScalarAsync<DateTime?>("SELECT revealed_at FROM product_keys WHERE id = @KeyId", new { KeyId = keyId })).Should().BeNull();
    }

    private Task<long> KeyIdAsync(CreatedOrder order) =>
        App.ScalarAsync<long>("SELECT id FROM product_keys WHERE order_line_id = @LineId", new { order.Lines.Single().LineId });
}
