using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Bff.Tests.Features.Checkout;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>
/// An admin reveals a key of a paid order, sends its receipt again, and fulfils by hand a line the store could not
/// deliver; the audit keeps each with the state before and after, and never the key.
/// </summary>
public sealed class AdminOrderActionsApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    private async Task<Shopper> AdminAsync()
    {
        var admin = new Shopper(fixture.Store);
        (await admin.LoginAsync(CheckoutFixture.AdminEmail, CheckoutFixture.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        return admin;
    }

    private async Task<Guid> PaidOrderAsync(string email)
    {
        using var guest = new Shopper(fixture.Store);
        var started = await guest.CheckoutOneProductAsync(fixture, email);
        await guest.PayAsync(fixture, started);
        return started.OrderId;
    }

    private static async Task<JsonElement> AuditEntryAsync(Shopper admin, Guid orderId, string action)
    {
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>($"/bff/api/admin/audit?targetId={orderId}&action={action}");
        return audit.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
    }

    [Fact]
    public async Task A_revealed_key_is_shown_to_the_admin_once_uncached_and_the_audit_names_the_key_not_its_value()
    {
        var orderId = await PaidOrderAsync("reveal.me@example.com");
        using var admin = await AdminAsync();
        var keyId = (await admin.Http.GetFromJsonAsync<JsonElement>($"/bff/api/admin/orders/{orderId}")).GetProperty("keys")[0].GetProperty("keyId").GetInt64();

        var revealed = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{orderId}/keys/{keyId}/reveal");
        var unknown = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{orderId}/keys/{keyId + 100000}/reveal");

        revealed.StatusCode.Should().Be(HttpStatusCode.OK, await revealed.Content.ReadAsStringAsync());
        revealed.Headers.CacheControl!.NoStore.Should().BeTrue();
        var value = (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString();
        value.Should().NotBeNullOrEmpty();
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var entry = await AuditEntryAsync(admin, orderId, "order-reveal-key");
        entry.GetProperty("before").GetProperty("keyId").GetInt64().Should().Be(keyId);
        entry.GetProperty("after").GetProperty("shownTo").GetString().Should().Be(CheckoutFixture.AdminEmail);
        entry.GetRawText().Should().NotContain(value!);
        (await fixture.Shop.QueryAsync<string>("SELECT channel FROM key_reveals WHERE product_key_id = @KeyId", new { KeyId = keyId })).Should().Be("admin");
    }

    [Fact]
    public async Task Resending_keys_mails_the_receipt_again_and_is_audited()
    {
        const string email = "resend.me@example.com";
        var orderId = await PaidOrderAsync(email);
        await Mailbox.MailAsync(fixture.Store, email, "Your keys for order");
        using var admin = await AdminAsync();

        var resent = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{orderId}/resend-keys");

        resent.StatusCode.Should().Be(HttpStatusCode.NoContent, await resent.Content.ReadAsStringAsync());
        (await ReceiptMailsAsync(email, 2)).Should().BeTrue("the receipt mail goes out a second time");
        var entry = await AuditEntryAsync(admin, orderId, "order-resend-keys");
        entry.GetProperty("before").GetProperty("status").GetString().Should().Be("completed");
        entry.GetProperty("after").GetProperty("mail").GetString().Should().Be("receipt queued");
    }

    [Fact]
    public async Task A_line_the_store_could_not_deliver_is_fulfilled_by_hand_the_order_completes_and_the_audit_keeps_before_and_after()
    {
        var orderId = await PaidOrderAsync("by.hand@example.com");
        // As a failed fulfilment leaves it: the line failed and not refunded, its key back with the supplier, the order failed.
        var lineId = await fixture.Shop.QueryAsync<long>("""
            WITH line AS (UPDATE order_lines SET status = 'failed' WHERE order_id = @OrderId RETURNING id),
                 keys AS (DELETE FROM product_keys WHERE order_line_id IN (SELECT id FROM line)),
                 o AS (UPDATE orders SET status = 'failed' WHERE id = @OrderId)
            SELECT id FROM line
            """, new { OrderId = orderId });
        using var admin = await AdminAsync();

        var blank = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{orderId}/lines/{lineId}/fulfil", new { keys = new[] { " " } });
        var fulfilled = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{orderId}/lines/{lineId}/fulfil", new { keys = new[] { "HAND-0001-KEY" } });
        var again = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{orderId}/lines/{lineId}/fulfil", new { keys = new[] { "HAND-0002-KEY" } });

        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        fulfilled.StatusCode.Should().Be(HttpStatusCode.OK, await fulfilled.Content.ReadAsStringAsync());
        var order = await fulfilled.Content.ReadFromJsonAsync<JsonElement>();
        order.GetProperty("order").GetProperty("status").GetString().Should().Be("completed");
        order.GetProperty("keys").EnumerateArray().Should().ContainSingle(k => k.GetProperty("source").GetString() == "manual");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var entry = await AuditEntryAsync(admin, orderId, "order-fulfil-by-hand");
        entry.GetProperty("before").GetProperty("status").GetString().Should().Be("failed");
        entry.GetProperty("after").GetProperty("after").GetProperty("status").GetString().Should().Be("completed");
        entry.GetRawText().Should().NotContain("HAND-0001-KEY");
        (await ReceiptMailsAsync("by.hand@example.com", 2)).Should().BeTrue("the order's completion mails the receipt as the workflow's did");
    }

    private Task<bool> ReceiptMailsAsync(string email, int count) => Eventually.HoldsAsync(() => Task.FromResult(
        fixture.Store.Mail.MailsTo(email).Count(m => m.Subject?.StartsWith("Your keys for order", StringComparison.Ordinal) == true) == count),
        CheckoutFixture.Patience);
}
