using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Tests.Features.Wishlist;

namespace GamesDrop.Kernel.Tests.Features.Orders;

public sealed class ReceiptsTests : OrdersTest
{
    private const string Key = "ELDEN-AAAAA-BBBBB-CCCCC";

    private async Task<(CreatedOrder Order, Guid Ann)> DeliveredOrderAsync()
    {
        var ann = await Client.CreateUserAsync("ann@example.com");
        await Client.AddStockAsync(OrderData.Elden, Key);
        var order = await Client.PaidOrderAsync(ann);
        await Client.PostOkAsync<FulfilResult>($"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/fulfil-from-stock");
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/complete");
        return (order, ann);
    }

    [Fact]
    public async Task Keys_are_stored_encrypted()
    {
        await Client.AddStockAsync(OrderData.Elden, Key);

        var stored = (await App.QueryAsync<(byte[] Ciphertext, byte[] Fingerprint, string KeyId)>(
            "SELECT ciphertext, fingerprint, key_id FROM product_keys")).Single();

        Encoding.UTF8.GetString(stored.Ciphertext).Should().NotContain(Key);
        stored.Ciphertext.Should().HaveCount(Key.Length + 16, "AES-GCM: as long as the key plus its tag");
        stored.Fingerprint.Should().HaveCount(32);
        stored.KeyId.Should().HaveLength(16);
    }

    [Fact]
    public async Task The_owner_and_the_receipt_holder_reveal_a_key_and_each_reveal_is_logged()
    {
        var (order, ann) = await DeliveredOrderAsync();
        var receipt = (await Client.GetFromJsonAsync<OrderReceipt>($"/kernel/users/{ann}/orders/{order.OrderId}"))!;
        var keyId = receipt.Lines.Single().Keys.Single().KeyId;

        var byOwner = await Client.PostOkAsync<RevealedKey>($"/kernel/users/{ann}/orders/{order.OrderId}/keys/{keyId}/reveal");
        var byToken = await Client.PostOkAsync<RevealedKey>($"/kernel/receipts/{order.ReceiptToken}/keys/{keyId}/reveal");
        var afterwards = (await Client.GetFromJsonAsync<OrderReceipt>($"/kernel/receipts/{order.ReceiptToken}"))!;

        receipt.Lines.Single().Keys.Single().RevealedAt.Should().BeNull();
        receipt.Status.Should().Be(OrderStatuses.Completed);
        receipt.Timeline.Select(s => s.Step).Should().Contain(["created", "paid", "completed"]);
        byOwner.Should().Be(new RevealedKey(keyId, Key, "text/plain"));
        byToken.Should().Be(byOwner);
        afterwards.Lines.Single().Keys.Single().RevealedAt.Should().NotBeNull();
        (await App.QueryAsync<string>("SELECT channel FROM key_reveals ORDER BY id")).Should().Equal("account", "receipt");
        App.Logs.AllText.Should().NotContain(Key);
        (await App.ScalarAsync<long>("SELECT count(*) FROM messaging.outbox WHERE data::text LIKE '%' || @Key || '%'", new { Key })).Should().Be(0);
    }

    [Fact]
    public async Task Another_users_order_or_a_wrong_token_reads_exactly_like_a_missing_one()
    {
        var (order, ann) = await DeliveredOrderAsync();
        var bob = await Client.CreateUserAsync("bob@example.com");
        var keyId = (await App.QueryAsync<long>("SELECT id FROM product_keys")).Single();

        var bobsRead = await Client.GetAsync($"/kernel/users/{bob}/orders/{order.OrderId}");
        var bobsReveal = await Client.PostAsync($"/kernel/users/{bob}/orders/{order.OrderId}/keys/{keyId}/reveal", null);
        var missing = await Client.GetAsync($"/kernel/users/{ann}/orders/{Guid.NewGuid()}");
        var wrongToken = await Client.GetAsync($"/kernel/receipts/{new string('A', 43)}");
        var notAToken = await Client.PostAsync($"/kernel/receipts/nope/keys/{keyId}/reveal", null);

        new[] { bobsRead, bobsReveal, missing, wrongToken, notAToken }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.NotFound);
        (await ProblemAsync(bobsRead)).Should().Be(await ProblemAsync(missing));
        (await App.ScalarAsync<long>("SELECT count(*) FROM key_reveals")).Should().Be(0);
    }

    // The body without its trace id, which differs per request.
    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    [Fact]
    public async Task A_key_is_not_revealed_before_its_line_is_fulfilled()
    {
        var ann = await Client.CreateUserAsync("ann@example.com");
        await Client.AddStockAsync(OrderData.Elden, Key);
        var order = await Client.PaidOrderAsync(ann);
        var keyId = (await App.QueryAsync<long>("SELECT id FROM product_keys")).Single();

        var reveal = await Client.PostAsync($"/kernel/users/{ann}/orders/{order.OrderId}/keys/{keyId}/reveal", null);

        reveal.StatusCode.Should().Be(HttpStatusCode.NotFound, "the key is only held for the order");
    }

    [Fact]
    public async Task A_minted_receipt_link_opens_a_guests_receipt_beside_the_checkout_link_and_only_its_hash_is_kept()
    {
        var guest = await Client.PaidOrderAsync();
        var (member, _) = await DeliveredOrderAsync();

        var minted = await Client.PostAsync($"/kernel/orders/{guest.OrderId}/receipt-links", null);
        var forMember = await Client.PostAsync($"/kernel/orders/{member.OrderId}/receipt-links", null);
        var forNobody = await Client.PostAsync($"/kernel/orders/{Guid.NewGuid()}/receipt-links", null);

        minted.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = (await minted.Content.ReadFromJsonAsync<ReceiptLink>())!.Token;
        (await Client.GetFromJsonAsync<OrderReceipt>($"/kernel/receipts/{token}"))!.OrderId.Should().Be(guest.OrderId);
        (await Client.GetFromJsonAsync<OrderReceipt>($"/kernel/receipts/{guest.ReceiptToken}"))!.OrderId.Should().Be(guest.OrderId);
        (forMember.StatusCode, forNobody.StatusCode).Should().Be((HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            "an account's order is read signed in, never through a link");
        (await App.QueryAsync<byte[]>("SELECT token_hash FROM receipt_links WHERE order_id = @OrderId", new { guest.OrderId }))
            .Should().ContainSingle().Which.Should().Equal(SHA256.HashData(Base64Url.DecodeFromChars(token)));
    }
}
