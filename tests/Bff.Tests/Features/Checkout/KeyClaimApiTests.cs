using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GamesDrop.Bff.Tests.Features.Checkout;

/// <summary>
/// A claim as the storefront sends it: from the receipt link on a revealed key, its words checked at the edge, one per key;
/// an admin lists it and rejects it with a reason the buyer reads, and the audit keeps who did it.
/// </summary>
public sealed class KeyClaimApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    [Fact]
    public async Task A_guest_claims_a_revealed_key_once_with_checked_words_and_an_admin_rejection_shows_on_the_receipt()
    {
        using var guest = new Shopper(fixture.Store);
        var started = await guest.CheckoutOneProductAsync(fixture, "guest.claim@example.com");
        var keyId = (await guest.PayAsync(fixture, started)).GetProperty("lines")[0].GetProperty("keys")[0].GetProperty("keyId").GetInt64();
        var path = $"/bff/api/receipts/{started.ReceiptToken}/keys/{keyId}/claim";
        using var admin = new Shopper(fixture.Store);
        (await admin.LoginAsync(CheckoutFixture.AdminEmail, CheckoutFixture.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.OK);

        var unrevealed = await guest.Http.PostAsJsonAsync(path, new { reason = "invalid", message = "" });
        (await guest.Http.PostAsync($"/bff/api/receipts/{started.ReceiptToken}/keys/{keyId}/reveal", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var nul = await guest.Http.PostAsJsonAsync(path, new { reason = "invalid", message = "it\0 failed" });
        var control = await guest.Http.PostAsJsonAsync(path, new { reason = "invalid", message = "bell\u0007" });
        var tooLong = await guest.Http.PostAsJsonAsync(path, new { reason = "invalid", message = new string('x', 2001) });
        var unknownReason = await guest.Http.PostAsJsonAsync(path, new { reason = "angry", message = "" });
        var opened = await guest.Http.PostAsJsonAsync(path, new { reason = "already_used", message = "Steam says it was redeemed.\nOn another account." });
        var second = await guest.Http.PostAsJsonAsync(path, new { reason = "invalid", message = "" });
        var listed = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/claims");
        var claimId = listed.EnumerateArray().Single(c => c.GetProperty("keyId").GetInt64() == keyId).GetProperty("claimId").GetInt64();
        var noReason = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/claims/{claimId}/reject", new { note = "" });
        var rejected = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/claims/{claimId}/reject", new { note = "The key was redeemed on your own account." });
        var receipt = await guest.Http.GetFromJsonAsync<JsonElement>(started.ReceiptApi);

        unrevealed.StatusCode.Should().Be(HttpStatusCode.Conflict, "an unrevealed key is refunded in one click instead");
        new[] { nul, control, tooLong, unknownReason }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.BadRequest);
        opened.StatusCode.Should().Be(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        rejected.StatusCode.Should().Be(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        var claim = receipt.GetProperty("lines")[0].GetProperty("keys")[0].GetProperty("claim");
        (claim.GetProperty("status").GetString(), claim.GetProperty("note").GetString()).Should().Be(("rejected", "The key was redeemed on your own account."));
        (await fixture.Shop.QueryAsync<long>("SELECT count(*) FROM key_claims WHERE product_key_id = @KeyId", new { KeyId = keyId })).Should().Be(1);
        (await fixture.Shop.QueryAsync<string>("SELECT actor_email FROM admin_audit WHERE action = 'claim-reject' AND target_id = @OrderId",
            new { OrderId = started.OrderId.ToString() })).Should().Be(CheckoutFixture.AdminEmail);
    }

    [Fact]
    public async Task Another_shoppers_key_cannot_be_claimed()
    {
        using var ann = await new Shopper(fixture.Store).SignedUpAsync("ann.claims@example.com");
        using var bob = await new Shopper(fixture.Store).SignedUpAsync("bob.claims@example.com");
        var started = await ann.CheckoutOneProductAsync(fixture);
        var keyId = (await ann.PayAsync(fixture, started)).GetProperty("lines")[0].GetProperty("keys")[0].GetProperty("keyId").GetInt64();
        (await ann.SendAsync(HttpMethod.Post, $"/bff/api/account/orders/{started.OrderId}/keys/{keyId}/reveal")).StatusCode.Should().Be(HttpStatusCode.OK);

        var bobs = await bob.SendAsync(HttpMethod.Post, $"/bff/api/account/orders/{started.OrderId}/keys/{keyId}/claim", new { reason = "invalid", message = "" });
        var anns = await ann.SendAsync(HttpMethod.Post, $"/bff/api/account/orders/{started.OrderId}/keys/{keyId}/claim", new { reason = "invalid", message = "" });

        bobs.StatusCode.Should().Be(HttpStatusCode.NotFound);
        anns.StatusCode.Should().Be(HttpStatusCode.OK, await anns.Content.ReadAsStringAsync());
    }
}
