using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;

namespace GamesDrop.Suppliers.Tests.Adapters;

public sealed class DigiflazzSupplierTests : IDisposable
{
    private readonly SandboxHost _sandbox = SandboxHost.Start();

    public void Dispose() => _sandbox.Dispose();

    private static async Task<List<SupplierOffer>> AllAsync(ISupplier supplier)
    {
        var offers = new List<SupplierOffer>();
        await foreach (var page in supplier.ListOffersAsync(null, CancellationToken.None))
        {
            offers.AddRange(page);
        }
        return offers;
    }

    [Fact]
    public async Task Signed_price_list_maps_to_game_offers_in_rupiah()
    {
        var offers = await AllAsync(AdapterFactory.Digiflazz(_sandbox));

        offers.Should().HaveCountGreaterThan(100);
        offers.Should().OnlyHaveUniqueItems(o => o.Sku);
        offers.Should().AllSatisfy(o => o.Currency.Should().Be("IDR"));
        offers.Should().Contain(o => !o.Available, "listings switched off or out of stock are kept but not sellable");
        offers.Select(o => o.Platform).Distinct().Should().HaveCountGreaterThan(3);
    }

    [Fact]
    public async Task Wrong_key_fails_the_signature_check()
    {
        var refused = await FluentActions.Awaiting(() => AdapterFactory.Digiflazz(_sandbox, apiKey: "guess").GetBalanceAsync(CancellationToken.None))
            .Should().ThrowAsync<SupplierException>();

        refused.Which.Code.Should().Be("rc41");
    }

    [Fact]
    public async Task Purchase_returns_the_voucher_and_resending_the_ref_id_reads_the_same_transaction()
    {
        var digiflazz = AdapterFactory.Digiflazz(_sandbox);
        var offer = (await AllAsync(digiflazz)).First(o => o.Available);
        var before = await digiflazz.GetBalanceAsync(CancellationToken.None);
        var request = new PurchaseRequest("ref" + Guid.NewGuid().ToString("N")[..12], offer.Sku, 1, offer.Price);

        var first = await digiflazz.BuyAsync(request, CancellationToken.None);
        var done = await digiflazz.SettleAsync(request, first);

        done.Status.Should().Be(PurchaseStatus.Completed);
        done.Keys.Should().ContainSingle().Which.Value.Should().NotBeNullOrWhiteSpace();
        (before - await digiflazz.GetBalanceAsync(CancellationToken.None)).Should().Be(offer.Price, "one transaction, charged once");
    }

    [Fact]
    public async Task Max_price_caps_what_a_purchase_may_cost()
    {
        var digiflazz = AdapterFactory.Digiflazz(_sandbox);
        var offer = (await AllAsync(digiflazz)).First(o => o.Available);

        var capped = await digiflazz.BuyAsync(new PurchaseRequest("cap" + Guid.NewGuid().ToString("N")[..12], offer.Sku, 1, offer.Price - 1), CancellationToken.None);

        capped.Status.Should().Be(PurchaseStatus.Failed);
        capped.Failure.Should().Contain("rc 69");
    }

    [Fact]
    public async Task A_5xx_leaves_the_outcome_open_and_resending_the_ref_id_finds_the_sale()
    {
        var digiflazz = AdapterFactory.Digiflazz(_sandbox);
        var offer = (await AllAsync(digiflazz)).First(o => o.Available);
        var request = new PurchaseRequest("lost" + Guid.NewGuid().ToString("N")[..12], offer.Sku, 1, offer.Price);
        using var admin = _sandbox.Admin();
        (await admin.PutAsJsonAsync("_sandbox/faults/digiflazz", new { purchaseFault = "error-after", errorStatus = 500 })).EnsureSuccessStatusCode();

        var lost = await FluentActions.Awaiting(() => digiflazz.BuyAsync(request, CancellationToken.None)).Should().ThrowAsync<SupplierException>();
        var found = await digiflazz.FindPurchaseAsync(request, CancellationToken.None);

        lost.Which.Retryable.Should().BeTrue("Digiflazz's body on a 5xx says nothing about the sale");
        found.Should().NotBeNull();
        found!.Bought.Should().BeTrue();
        found.UnitPrice.Should().Be(offer.Price);
    }

    [Fact]
    public async Task A_refused_resend_means_no_transaction_exists()
    {
        var digiflazz = AdapterFactory.Digiflazz(_sandbox);
        var offer = (await AllAsync(digiflazz)).First(o => o.Available);

        var found = await digiflazz.FindPurchaseAsync(new PurchaseRequest("cap" + Guid.NewGuid().ToString("N")[..12], offer.Sku, 1, offer.Price - 1), CancellationToken.None);

        found.Should().BeNull("rc 69 creates no transaction");
    }
}
