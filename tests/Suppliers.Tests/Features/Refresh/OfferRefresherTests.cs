using System.Net;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Features.Refresh;
using GamesDrop.Suppliers.Clients;
using GamesDrop.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GamesDrop.Suppliers.Tests.Features.Refresh;

/// <summary>The refresh queue in isolation, with a supplier that answers only when the test lets it.</summary>
public sealed class OfferRefresherTests : IAsyncLifetime
{
    private readonly GatedSupplier _supplier = new();
    private readonly KernelChanges _kernel = new();
    private ServiceProvider _services = null!;
    private OfferRefresher _refresher = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Suppliers:Gated:Enabled"] = "true" }).Build();
        _services = new ServiceCollection()
            .AddKeyedTransient(OfferRefresher.Key, (_, _) => new SupplierRegistry([_supplier], configuration))
            .AddTransient(_ => new KernelCatalogClient(new HttpClient(_kernel) { BaseAddress = new Uri("http://kernel/") }))
            .BuildServiceProvider();
        _refresher = new OfferRefresher(_services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new RefreshOptions()),
            TimeProvider.System, NullLogger<OfferRefresher>.Instance);
        await _refresher.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _supplier.Open();
        await _refresher.StopAsync(CancellationToken.None);
        _refresher.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Many_views_of_a_stale_offer_make_one_supplier_call_and_a_later_view_asks_again()
    {
        var offer = new OfferRef("gated", "sku-1");

        var queued = Enumerable.Range(0, 10).Select(_ => _refresher.Enqueue([offer])).ToList();
        var called = await Eventually.HoldsAsync(() => Task.FromResult(_supplier.Calls == 1));
        queued.AddRange(Enumerable.Range(0, 10).Select(_ => _refresher.Enqueue([offer])));
        _supplier.Open();
        var applied = await Eventually.HoldsAsync(() => Task.FromResult(_kernel.Changes == 1));

        (called, applied).Should().Be((true, true));
        queued.Should().Equal(new[] { 1 }.Concat(Enumerable.Repeat(0, 19)), "while the offer waits or is being read, views join that read");
        _supplier.Calls.Should().Be(1);
        _refresher.Enqueue([offer]).Should().Be(1, "once read, the next view of a still-stale offer asks again");
    }

    private sealed class GatedSupplier : ISupplier
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);
        public string Code => "gated";
        public string Name => "Gated";
        public string Currency => "EUR";
        public string Endpoint => "gated-refresh";
        public string WebhookSecret => "";
        public decimal LowBalance => 0;
        public bool SupportsDeltaSync => false;

        public void Open() => _gate.TrySetResult();

        public async Task<SupplierOffer?> GetOfferAsync(string sku, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            await _gate.Task.WaitAsync(ct);
            return null;
        }

        public IAsyncEnumerable<IReadOnlyList<SupplierOffer>> ListOffersAsync(DateTimeOffset? changedSince, CancellationToken ct) => throw new NotSupportedException();
        public Task<SupplierPurchase> BuyAsync(PurchaseRequest request, CancellationToken ct) => throw new NotSupportedException();
        public Task<SupplierPurchase> GetPurchaseAsync(PurchaseRequest request, string supplierOrderId, CancellationToken ct) => throw new NotSupportedException();
        public Task<SupplierPurchase?> FindPurchaseAsync(PurchaseRequest request, CancellationToken ct) => throw new NotSupportedException();
        public Task<decimal> GetBalanceAsync(CancellationToken ct) => throw new NotSupportedException();
    }

    /// <summary>The kernel's change endpoint: counts the changes it is sent and applies each.</summary>
    private sealed class KernelChanges : HttpMessageHandler
    {
        private int _changes;

        public int Changes => Volatile.Read(ref _changes);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri!.AbsolutePath == "/catalog/offers/changes")
            {
                Interlocked.Increment(ref _changes);
            }
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"applied":true}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
