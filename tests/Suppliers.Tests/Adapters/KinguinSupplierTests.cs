using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.Suppliers.Adapters;

namespace GamesDrop.Suppliers.Tests.Adapters;

public sealed class KinguinSupplierTests : IDisposable
{
    private readonly SandboxHost _sandbox = SandboxHost.Start();

    public void Dispose() => _sandbox.Dispose();

    private async Task<JsonElement> FirstPageAsync()
    {
        using var client = new HttpClient { BaseAddress = _sandbox.KinguinApi };
        client.DefaultRequestHeaders.Add("X-Api-Key", SandboxHost.KinguinKey);
        return await client.GetFromJsonAsync<JsonElement>("v1/products?limit=1");
    }

    [Fact]
    public async Task Whole_catalog_is_read_page_by_page_without_gaps_or_repeats()
    {
        var kinguin = AdapterFactory.Kinguin(_sandbox, pageSize: 37);

        var pages = new List<IReadOnlyList<GamesDrop.Contracts.Catalog.SupplierOffer>>();
        await foreach (var page in kinguin.ListOffersAsync(null, CancellationToken.None))
        {
            pages.Add(page);
        }

        var total = (await FirstPageAsync()).GetProperty("item_count").GetInt32();
        pages.Count.Should().Be((int)Math.Ceiling(total / 37.0));
        pages.SelectMany(p => p).Select(o => o.Sku).Should().OnlyHaveUniqueItems().And.HaveCount(total);
        pages.SelectMany(p => p).Should().AllSatisfy(o =>
        {
            o.Currency.Should().Be("EUR");
            o.Title.Should().NotBeNullOrWhiteSpace();
            o.Platform.Should().NotBeNullOrWhiteSpace();
        });
    }

    [Fact]
    public async Task Pages_read_several_at_once_arrive_in_order_as_one_at_a_time_does()
    {
        using (var admin = _sandbox.Admin())
        {
            // Each page answered late, so the requests sent together are surely all out at once.
            (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { latencyMs = 100 })).EnsureSuccessStatusCode();
        }
        var counting = new CountingHandler();

        var together = await SkusAsync(AdapterFactory.Kinguin(_sandbox, pageSize: 37, pagesInFlight: 4, handler: counting));
        var alone = await SkusAsync(AdapterFactory.Kinguin(_sandbox, pageSize: 37, pagesInFlight: 1));

        together.Should().Equal(alone).And.HaveCount((await FirstPageAsync()).GetProperty("item_count").GetInt32());
        counting.MostAtOnce.Should().Be(4);
        counting.Sent.Should().Be((int)Math.Ceiling(together.Count / 37.0), "no page is asked for past the last");
    }

    [Fact]
    public async Task A_reader_stopping_early_leaves_no_page_request_running()
    {
        using (var admin = _sandbox.Admin())
        {
            (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { latencyMs = 100 })).EnsureSuccessStatusCode();
        }
        var counting = new CountingHandler();

        await foreach (var page in AdapterFactory.Kinguin(_sandbox, pageSize: 10, handler: counting).ListOffersAsync(null, CancellationToken.None))
        {
            page.Should().HaveCount(10);
            break;
        }

        counting.Sent.Should().Be(5, "the first page, then four ahead of it");
        counting.Open.Should().Be(0, "the pages asked for ahead were cancelled and settled before the listing ended");
    }

    private static async Task<List<string>> SkusAsync(ISupplier supplier)
    {
        var skus = new List<string>();
        await foreach (var page in supplier.ListOffersAsync(null, CancellationToken.None))
        {
            skus.AddRange(page.Select(o => o.Sku));
        }
        return skus;
    }

    /// <summary>Counts the requests sent, those still unanswered, and the most unanswered at once.</summary>
    private sealed class CountingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        private int _open;
        private int _mostAtOnce;
        private int _sent;

        public int Open => Volatile.Read(ref _open);
        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);
        public int Sent => Volatile.Read(ref _sent);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            var open = Interlocked.Increment(ref _open);
            int most;
            while (open > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, open, most) != most)
            {
            }
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }
    }

    [Fact]
    public async Task Each_listing_carries_the_countries_its_region_excludes()
    {
        var offers = new List<GamesDrop.Contracts.Catalog.SupplierOffer>();
        await foreach (var page in AdapterFactory.Kinguin(_sandbox).ListOffersAsync(null, CancellationToken.None))
        {
            offers.AddRange(page);
        }

        offers.Where(o => o.Region == "EUROPE").Should().NotBeEmpty().And.AllSatisfy(o => o.ExcludedCountries.Should().Equal("BY", "RU", "UA"));
        offers.Where(o => o.Region == "LATIN AMERICA").Should().AllSatisfy(o => o.ExcludedCountries.Should().Equal("CA", "US"));
        offers.Where(o => o.Region == "REGION FREE").Should().NotBeEmpty().And.AllSatisfy(o => o.ExcludedCountries.Should().BeEmpty());
    }

    [Fact]
    public async Task Delta_listing_returns_only_what_changed_since()
    {
        var kinguin = AdapterFactory.Kinguin(_sandbox);
        var kinguinId = (await FirstPageAsync()).GetProperty("results")[0].GetProperty("kinguinId").GetInt32();
        var since = DateTimeOffset.UtcNow;
        using var admin = _sandbox.Admin();
        (await admin.PostAsJsonAsync($"_sandbox/kinguin/products/{kinguinId}/change", new { price = 0.01m })).EnsureSuccessStatusCode();

        var changed = new List<GamesDrop.Contracts.Catalog.SupplierOffer>();
        await foreach (var page in kinguin.ListOffersAsync(since.AddSeconds(-1), CancellationToken.None))
        {
            changed.AddRange(page);
        }

        changed.Should().ContainSingle().Which.Price.Should().Be(0.01m, "the changed offer is now the cheapest");
    }

    [Fact]
    public async Task Wrong_api_key_is_refused_as_authorization()
    {
        var kinguin = AdapterFactory.Kinguin(_sandbox, apiKey: "stolen");

        var refused = await FluentActions.Awaiting(() => kinguin.GetBalanceAsync(CancellationToken.None)).Should().ThrowAsync<SupplierException>();

        refused.Which.Code.Should().Be("Authorization");
        refused.Which.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Purchase_delivers_keys_and_repeating_it_never_buys_twice()
    {
        var kinguin = AdapterFactory.Kinguin(_sandbox);
        var offer = await FirstInStockAsync(kinguin);
        var balanceBefore = await kinguin.GetBalanceAsync(CancellationToken.None);
        var request = new PurchaseRequest("line-" + Guid.NewGuid().ToString("N")[..8], offer.Sku, 2, offer.Price + 1m);

        var first = await kinguin.BuyAsync(request, CancellationToken.None);
        var again = await kinguin.BuyAsync(request, CancellationToken.None);
        var done = await kinguin.SettleAsync(request, first);

        again.SupplierOrderId.Should().Be(first.SupplierOrderId);
        done.Status.Should().Be(PurchaseStatus.Completed);
        done.Keys.Should().HaveCount(2).And.OnlyHaveUniqueItems(k => k.Value);
        (balanceBefore - await kinguin.GetBalanceAsync(CancellationToken.None)).Should().BeLessThanOrEqualTo(2 * (offer.Price + 1m));
        (balanceBefore - await kinguin.GetBalanceAsync(CancellationToken.None)).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Purchase_above_our_price_cap_is_refused()
    {
        var kinguin = AdapterFactory.Kinguin(_sandbox);
        var offer = await FirstInStockAsync(kinguin);

        await FluentActions.Awaiting(() => kinguin.BuyAsync(new PurchaseRequest("cap-" + Guid.NewGuid(), offer.Sku, 1, offer.Price / 2), CancellationToken.None))
            .Should().ThrowAsync<SupplierException>();
    }

    [Fact]
    public async Task An_order_whose_reply_was_lost_is_found_by_our_reference_and_an_unused_reference_finds_none()
    {
        var kinguin = AdapterFactory.Kinguin(_sandbox);
        var offer = await FirstInStockAsync(kinguin);
        var request = new PurchaseRequest("lost-" + Guid.NewGuid().ToString("N")[..8], offer.Sku, 1, offer.Price);
        using var admin = _sandbox.Admin();
        (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { purchaseFault = "error-after", errorStatus = 500 })).EnsureSuccessStatusCode();

        var lost = await FluentActions.Awaiting(() => kinguin.BuyAsync(request, CancellationToken.None)).Should().ThrowAsync<SupplierException>();
        var found = await kinguin.FindPurchaseAsync(request, CancellationToken.None);
        var none = await kinguin.FindPurchaseAsync(request with { Reference = "never-" + Guid.NewGuid().ToString("N")[..8] }, CancellationToken.None);

        lost.Which.Retryable.Should().BeTrue("a 5xx leaves the outcome open");
        found.Should().NotBeNull();
        found!.Bought.Should().BeTrue();
        found.UnitPrice.Should().Be(offer.Price);
        none.Should().BeNull();
    }

    [Fact]
    public async Task Unknown_listing_reads_as_null()
    {
        (await AdapterFactory.Kinguin(_sandbox).GetOfferAsync("000000000000000000000000", CancellationToken.None)).Should().BeNull();
    }

    private static async Task<GamesDrop.Contracts.Catalog.SupplierOffer> FirstInStockAsync(ISupplier supplier)
    {
        await foreach (var page in supplier.ListOffersAsync(null, CancellationToken.None))
        {
            if (page.FirstOrDefault(o => o.Available && o.Stock >= 2) is { } offer)
            {
                return offer;
            }
        }
        throw new InvalidOperationException("The sandbox has nothing in stock.");
    }
}
