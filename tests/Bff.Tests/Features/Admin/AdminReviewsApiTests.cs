using System.Net;
using System.Text.Json;
using GamesDrop.Bff.Tests.Features.Checkout;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>
/// A guest order the fraud check holds (an email at a throwaway-mail domain): the receipt says why in plain words, and
/// only an admin approves or denies it through the BFF.
/// </summary>
public sealed class AdminReviewsApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    private async Task<(Shopper Guest, CheckoutShopper.Started Started)> HeldAsync(string email)
    {
        var guest = new Shopper(fixture.Store);
        var started = await guest.CheckoutOneProductAsync(fixture, email);
        await fixture.DecideOnPayPalAsync(started.ApproveUrl);
        (await guest.ReturnFromPayPalAsync(started.OrderId, started.PayPalToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        return (guest, started);
    }

    private async Task<Shopper> AdminAsync()
    {
        var admin = new Shopper(fixture.Store);
        (await admin.LoginAsync(CheckoutFixture.AdminEmail, CheckoutFixture.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        return admin;
    }

    [Fact]
    public async Task A_held_order_says_why_on_its_receipt_and_only_an_admin_approval_captures_it()
    {
        var (guest, started) = await HeldAsync("held.guest@mailinator.com");
        using var _ = guest;
        using var customer = await new Shopper(fixture.Store).SignedUpAsync("nosy.customer@example.com");
        using var admin = await AdminAsync();

        var held = await CheckoutFixture.ReceiptOnceAsync(guest.Http, started.ReceiptApi, "held");
        var byCustomer = await customer.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{started.OrderId}/approve");
        var byAdmin = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{started.OrderId}/approve");
        var completed = await CheckoutFixture.ReceiptOnceAsync(guest.Http, started.ReceiptApi, "completed");
        var again = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{started.OrderId}/deny");
        var unknown = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{Guid.NewGuid()}/approve");

        held.GetProperty("hold").GetProperty("reasons").EnumerateArray().Select(r => r.GetString())
            .Should().Equal("The email address is from a temporary mail service.");
        held.GetProperty("hold").GetProperty("reviewBy").GetDateTimeOffset().Should().BeAfter(DateTimeOffset.UtcNow);
        Steps(held).Should().NotContain(s => s.StartsWith("fraud-"), "which rules ran is for staff");
        byCustomer.StatusCode.Should().Be(HttpStatusCode.NotFound);
        byAdmin.StatusCode.Should().Be(HttpStatusCode.NoContent, await byAdmin.Content.ReadAsStringAsync());
        completed.TryGetProperty("hold", out var hold).Should().BeTrue();
        hold.ValueKind.Should().Be(JsonValueKind.Null);
        Steps(completed).Should().ContainInOrder("held", "review-approved", "paid", "completed");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Shop.QueryAsync<string>("SELECT note FROM order_events WHERE order_id = @OrderId AND step = 'review-approved'",
            new { started.OrderId })).Should().Be(CheckoutFixture.AdminEmail);
    }

    [Fact]
    public async Task An_admin_denial_releases_the_payment_and_cancels_the_order()
    {
        var (guest, started) = await HeldAsync("denied.guest@yopmail.com");
        using var _ = guest;
        using var admin = await AdminAsync();
        await CheckoutFixture.ReceiptOnceAsync(guest.Http, started.ReceiptApi, "held");

        var denied = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/orders/{started.OrderId}/deny");
        var receipt = await CheckoutFixture.ReceiptOnceAsync(guest.Http, started.ReceiptApi, "cancelled");

        denied.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Steps(receipt).Should().ContainInOrder("held", "review-denied", "cancelled");
        receipt.GetProperty("lines")[0].GetProperty("keys").EnumerateArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Checkout_gives_the_browser_a_device_id_and_the_order_carries_it_with_the_address()
    {
        using var guest = new Shopper(fixture.Store);

        var started = await guest.CheckoutOneProductAsync(fixture, "device.guest@example.com");

        var device = guest.Cookies.GetAllCookies().Single(c => c.Name == "gd_device");
        device.HttpOnly.Should().BeTrue();
        device.Value.Should().MatchRegex("^[A-Za-z0-9_-]{43}$");
        var order = await fixture.Shop.QueryAsync<OrderOrigin>(
            "SELECT host(client_ip) AS ClientIp, device_id AS DeviceId FROM orders WHERE id = @OrderId", new { started.OrderId });
        order.Should().Be(new OrderOrigin("127.0.0.1", device.Value));
    }

    private static IEnumerable<string> Steps(JsonElement receipt) =>
        receipt.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString()!);

    private sealed record OrderOrigin(string ClientIp, string DeviceId);
}
