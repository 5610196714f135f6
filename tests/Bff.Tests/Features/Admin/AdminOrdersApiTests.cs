using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Bff.Tests.Features.Cart;
using GamesDrop.Bff.Tests.Features.Checkout;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>
/// An admin finds a paid two-line order by its buyer's email, reads where its keys came from (never the keys), refunds
/// one line through checkout's refund path, and the audit keeps who did it with the order before and after.
/// </summary>
public sealed class AdminOrdersApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    private async Task<Shopper> AdminAsync()
    {
        var admin = new Shopper(fixture.Store);
        (await admin.LoginAsync(CheckoutFixture.AdminEmail, CheckoutFixture.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        return admin;
    }

    private async Task<CheckoutShopper.Started> PaidTwoLineOrderAsync(Shopper guest, string email)
    {
        (await guest.AddToCartAsync(await fixture.ProductAsync())).StatusCode.Should().Be(HttpStatusCode.OK);
        (await guest.AddToCartAsync(await fixture.ProductAsync())).StatusCode.Should().Be(HttpStatusCode.OK);
        var started = await guest.StartedCheckoutAsync(email);
        await guest.PayAsync(fixture, started);
        return started;
    }

    [Fact]
    public async Task An_admin_finds_the_order_by_email_refunds_one_line_and_the_audit_keeps_before_and_after()
    {
        using var guest = new Shopper(fixture.Store);
        var started = await PaidTwoLineOrderAsync(guest, "two.lines@example.com");
        using var admin = await AdminAsync();

        var found = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/orders?email=TWO.LINES@&status=completed");
        var none = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/orders?email=two.lines@&minTotal=100000");
        var detail = await admin.Http.GetFromJsonAsync<JsonElement>($"/bff/api/admin/orders/{started.OrderId}");
        var line = detail.GetProperty("lines")[0].GetProperty("lineId").GetInt64();
        var refund = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{started.OrderId}/refund", new { lineIds = new[] { line } });
        var again = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{started.OrderId}/refund", new { lineIds = new[] { line } });
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>($"/bff/api/admin/audit?targetId={started.OrderId}&action=order-refund");

        found.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).Should().Equal(started.OrderId);
        none.GetProperty("total").GetInt64().Should().Be(0);
        var keys = detail.GetProperty("keys").EnumerateArray().ToList();
        keys.Should().HaveCount(2).And.OnlyContain(k => k.GetProperty("supplier").GetString() != null && k.GetProperty("unitCost").GetDecimal() > 0);
        detail.GetRawText().Should().NotContainAny("ciphertext", "\"code\"", "\"value\"");
        refund.StatusCode.Should().Be(HttpStatusCode.OK, await refund.Content.ReadAsStringAsync());
        var refunded = await refund.Content.ReadFromJsonAsync<JsonElement>();
        refunded.GetProperty("order").GetProperty("status").GetString().Should().Be("partially_refunded");
        refunded.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("status").GetString()).Should().Equal("refunded", "fulfilled");
        refunded.GetProperty("payment").GetProperty("refundedAmount").GetDecimal().Should().Be(detail.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "a refunded line is not refunded twice");
        var entry = audit.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("actorEmail").GetString().Should().Be(CheckoutFixture.AdminEmail);
        entry.GetProperty("before").GetProperty("status").GetString().Should().Be("completed");
        entry.GetProperty("after").GetProperty("after").GetProperty("status").GetString().Should().Be("partially_refunded");
    }

    [Fact]
    public async Task Filters_the_kernel_cannot_use_are_refused_with_the_field_named()
    {
        using var admin = await AdminAsync();

        var badStatus = await admin.Http.GetAsync("/bff/api/admin/orders?status=lost");
        var reversed = await admin.Http.GetAsync("/bff/api/admin/orders?minTotal=10&maxTotal=1");
        var deep = await admin.Http.GetAsync("/bff/api/admin/orders?page=201");
        var wildcard = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/orders?email=%25");

        badStatus.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badStatus.Content.ReadAsStringAsync()).Should().Contain("status");
        reversed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        deep.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wildcard.GetProperty("total").GetInt64().Should().Be(0, "% is matched as a character, not as a wildcard");
    }
}
