using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Checkout.Tests.Claims;

/// <summary>
/// A revealed key that does not work: the buyer opens one claim on it, staff replace it (a second key with its own
/// provenance, from own stock or another supplier), refund its line to PayPal, or reject it with a reason the buyer reads.
/// </summary>
public sealed class KeyClaimTests(CheckoutStoreFixture fixture) : IClassFixture<CheckoutStoreFixture>
{
    private static readonly Guid Staff = Guid.NewGuid();

    private CheckoutStore Shop => fixture.Store;

    [Fact]
    public async Task A_replacement_comes_from_another_supplier_as_a_second_key_with_its_own_provenance()
    {
        var (placed, _) = await Shop.PlaceWithTwoCandidatesAsync(40);
        var (order, claimed) = await RevealedAsync(placed);
        var claim = await OpenAsync(order.OrderId, claimed.Id, ClaimReasons.AlreadyUsed, "Steam says the code was used.");
        using var checkout = Shop.Store.InternalClient();

        // A supplier may deliver later (202): staff ask again, and the purchase is looked up rather than made twice.
        HttpResponseMessage replaced = null!;
        (await Eventually.HoldsAsync(async () =>
        {
            replaced = await checkout.PostAsJsonAsync($"/checkout/claims/{claim.ClaimId}/replace", new { resolvedBy = Staff });
            return replaced.StatusCode != HttpStatusCode.Accepted;
        }, CheckoutStore.Patience)).Should().BeTrue("the other supplier delivers");
        var again = await checkout.PostAsJsonAsync($"/checkout/claims/{claim.ClaimId}/replace", new { resolvedBy = Staff });

        replaced.StatusCode.Should().Be(HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        again.StatusCode.Should().Be(HttpStatusCode.OK, "a repeat finds the claim replaced");
        var resolved = (await replaced.Content.ReadFromJsonAsync<KeyClaim>())!;
        resolved.Status.Should().Be(ClaimStatuses.Replaced);
        claim.Supplier.Should().Be(claimed.Supplier, "the claim counts against the supplier whose key failed");
        var keys = await KeysAsync(claimed.LineId);
        keys.Should().HaveCount(2, "the replacement is delivered beside the claimed key, not instead of it");
        var replacement = keys.Single(k => k.Id == resolved.ReplacementKeyId);
        replacement.Should().BeEquivalentTo(new { Source = "supplier", Status = "sold" }, o => o.ExcludingMissingMembers());
        replacement.Supplier.Should().NotBe(claimed.Supplier, "it comes from another supplier");
        replacement.SupplierOrderId.Should().NotBe(claimed.SupplierOrderId).And.NotBeNullOrEmpty();
        replacement.UnitCost.Should().NotBeNull();
        (await StepsAsync(order.OrderId)).Should().ContainInOrder("claim-opened", "claim-replaced");
        (await TopicsAsync(order.OrderId)).Should().Contain(["claim-opened", "claim-resolved"]).And.OnlyHaveUniqueItems();

        var receipt = await ReceiptAsync(placed.ReceiptToken);
        var receiptKeys = receipt.Lines.Single().Keys;
        receiptKeys.Single(k => k.KeyId == claimed.Id).Claim.Should().BeEquivalentTo(new { Reason = ClaimReasons.AlreadyUsed, Status = ClaimStatuses.Replaced });
        receiptKeys.Single(k => k.KeyId == replacement.Id).ReplacesKeyId.Should().Be(claimed.Id);
    }

    [Fact]
    public async Task A_replacement_comes_from_own_stock_first()
    {
        var slug = await Shop.SharedProductAsync(60);
        var placed = await Shop.PlaceAsync(slug, email: "stock.claim@example.com");
        var (order, claimed) = await RevealedAsync(placed);
        await Shop.AddStockAsync(slug, 1);
        var claim = await OpenAsync(order.OrderId, claimed.Id, ClaimReasons.Invalid, "");
        using var checkout = Shop.Store.InternalClient();

        var replaced = await checkout.PostAsJsonAsync($"/checkout/claims/{claim.ClaimId}/replace", new { resolvedBy = Staff });

        replaced.StatusCode.Should().Be(HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var resolved = (await replaced.Content.ReadFromJsonAsync<KeyClaim>())!;
        (await KeysAsync(claimed.LineId)).Single(k => k.Id == resolved.ReplacementKeyId)
            .Should().BeEquivalentTo(new { Source = "stock", Supplier = (string?)null, Status = "sold" }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public async Task A_refunded_claim_refunds_the_line_to_PayPal_once_and_closes_the_claim()
    {
        var placed = await Shop.PlaceAsync(await StockedProductAsync(61), email: "refund.claim@example.com");
        var (order, claimed) = await RevealedAsync(placed);
        var claim = await OpenAsync(order.OrderId, claimed.Id, ClaimReasons.WrongRegion, "It says the key is for another region.");
        using var checkout = Shop.Store.InternalClient();

        var refunded = await checkout.PostAsJsonAsync($"/checkout/claims/{claim.ClaimId}/refund", new { resolvedBy = Staff });
        var again = await checkout.PostAsJsonAsync($"/checkout/claims/{claim.ClaimId}/refund", new { resolvedBy = Staff });

        refunded.StatusCode.Should().Be(HttpStatusCode.OK, await refunded.Content.ReadAsStringAsync());
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refunded.Content.ReadFromJsonAsync<KeyClaim>())!.Status.Should().Be(ClaimStatuses.Refunded);
        var after = await Shop.WaitAsync(order.OrderId, o => o.Status == OrderStatuses.Refunded);
        after.Payment!.RefundedAmount.Should().Be(order.Lines.Single().UnitPrice);
        (await Shop.QueryAsync<long>("SELECT count(*) FROM refunds WHERE order_id = @OrderId", new { order.OrderId })).Single().Should().Be(1);
        (await KeysAsync(claimed.LineId)).Single().Status.Should().Be("sold", "a key the buyer saw never goes back to stock");
        (await StepsAsync(order.OrderId)).Should().ContainInOrder("claim-opened", "refunded", "claim-refunded");
    }

    [Fact]
    public async Task A_rejected_claim_shows_the_reason_to_the_buyer()
    {
        var placed = await Shop.PlaceAsync(await StockedProductAsync(62), email: "reject.claim@example.com");
        var (order, claimed) = await RevealedAsync(placed);
        var claim = await OpenAsync(order.OrderId, claimed.Id, ClaimReasons.WrongPlatform, "I wanted it for Xbox.");
        using var kernel = Shop.Store.InternalClient();

        var withoutReason = await kernel.PostAsJsonAsync($"/kernel/claims/{claim.ClaimId}/resolve", new ResolveClaim(ClaimStatuses.Rejected, " ", Staff));
        var rejected = await kernel.PostAsJsonAsync($"/kernel/claims/{claim.ClaimId}/resolve",
            new ResolveClaim(ClaimStatuses.Rejected, "The product page says this key is for PC.", Staff));

        withoutReason.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the buyer is always told why");
        rejected.StatusCode.Should().Be(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        var key = (await ReceiptAsync(placed.ReceiptToken)).Lines.Single().Keys.Single();
        key.Claim.Should().BeEquivalentTo(new { Status = ClaimStatuses.Rejected, Note = "The product page says this key is for PC." });
        (await StepsAsync(order.OrderId)).Should().ContainInOrder("claim-opened", "claim-rejected");
        var replace = await kernel.PostAsJsonAsync($"/checkout/claims/{claim.ClaimId}/replace", new { resolvedBy = Staff });
        replace.StatusCode.Should().Be(HttpStatusCode.Conflict, "a rejected claim is closed");
        (await KeysAsync(claimed.LineId)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_key_takes_one_claim_and_an_unrevealed_key_none()
    {
        var placed = await Shop.PlaceAsync(await StockedProductAsync(63), email: "twice.claim@example.com");
        var (order, claimed) = await RevealedAsync(placed);
        var unrevealedOrder = await Shop.PayAsync((await Shop.PlaceAsync(await StockedProductAsync(64), email: "unrevealed@example.com")).OrderId);
        var unrevealed = (await KeysAsync(unrevealedOrder.Lines.Single().LineId)).Single();
        await OpenAsync(order.OrderId, claimed.Id, ClaimReasons.Other, "first");
        using var kernel = Shop.Store.InternalClient();

        var second = await kernel.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/keys/{claimed.Id}/claims", new OpenClaim(ClaimReasons.Invalid, "second"));
        var notRevealed = await kernel.PostAsJsonAsync($"/kernel/orders/{unrevealedOrder.OrderId}/keys/{unrevealed.Id}/claims", new OpenClaim(ClaimReasons.Invalid, ""));
        var otherOrder = await kernel.PostAsJsonAsync($"/kernel/orders/{unrevealedOrder.OrderId}/keys/{claimed.Id}/claims", new OpenClaim(ClaimReasons.Invalid, ""));

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        notRevealed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await notRevealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("refund it in one click");
        otherOrder.StatusCode.Should().Be(HttpStatusCode.NotFound, "a key is claimed on its own order only");
        (await Shop.QueryAsync<long>("SELECT count(*) FROM key_claims WHERE product_key_id = ANY (@Keys)", new { Keys = new[] { claimed.Id, unrevealed.Id } }))
            .Single().Should().Be(1);
        (await TopicsAsync(order.OrderId)).Count(t => t == "claim-opened").Should().Be(1);
    }

    // Own stock delivers at once, whatever the suppliers are doing.
    private async Task<string> StockedProductAsync(int skip)
    {
        var slug = await Shop.SharedProductAsync(skip);
        await Shop.AddStockAsync(slug, 1);
        return slug;
    }

    private async Task<(CheckoutOrder Order, KeyRow Key)> RevealedAsync(CreatedOrder placed)
    {
        var order = await Shop.PayAsync(placed.OrderId);
        order.Status.Should().Be(OrderStatuses.Completed);
        var key = (await KeysAsync(order.Lines.Single().LineId)).Single();
        using var kernel = Shop.Store.InternalClient();
        (await kernel.PostAsync($"/kernel/receipts/{placed.ReceiptToken}/keys/{key.Id}/reveal", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return (order, key);
    }

    private async Task<KeyClaim> OpenAsync(Guid orderId, long keyId, string reason, string message)
    {
        using var kernel = Shop.Store.InternalClient();
        var opened = await kernel.PostAsJsonAsync($"/kernel/orders/{orderId}/keys/{keyId}/claims", new OpenClaim(reason, message));
        opened.StatusCode.Should().Be(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        return (await opened.Content.ReadFromJsonAsync<KeyClaim>())!;
    }

    private async Task<OrderReceipt> ReceiptAsync(string token)
    {
        using var kernel = Shop.Store.InternalClient();
        return (await kernel.GetFromJsonAsync<OrderReceipt>($"/kernel/receipts/{token}"))!;
    }

    private Task<IReadOnlyList<KeyRow>> KeysAsync(long lineId) => Shop.QueryAsync<KeyRow>("""
        SELECT id AS Id, order_line_id AS LineId, source AS Source, supplier_code AS Supplier, supplier_order_id AS SupplierOrderId,
               unit_cost AS UnitCost, status AS Status
        FROM product_keys WHERE order_line_id = @LineId ORDER BY id
        """, new { LineId = lineId });

    private Task<IReadOnlyList<string>> StepsAsync(Guid orderId) =>
        Shop.QueryAsync<string>("SELECT step FROM order_events WHERE order_id = @OrderId ORDER BY id", new { OrderId = orderId });

    private Task<IReadOnlyList<string>> TopicsAsync(Guid orderId) =>
        Shop.QueryAsync<string>("SELECT topic FROM messaging.outbox WHERE data->>'orderId' = @OrderId AND topic LIKE 'claim-%' ORDER BY id",
            new { OrderId = orderId.ToString() });

    private sealed record KeyRow(long Id, long LineId, string Source, string? Supplier, string? SupplierOrderId, decimal? UnitCost, string Status);
}
