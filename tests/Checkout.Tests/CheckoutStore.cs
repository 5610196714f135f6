using System.Net;
using System.Net.Http.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;
using Npgsql;

namespace GamesDrop.Checkout.Tests;

/// <summary>
/// The whole store and the partner simulators, driven as a buyer and PayPal would: place an order, start its checkout,
/// approve on PayPal's page, come back. Timings are short so scenarios end quickly; nothing asserts on speed.
/// </summary>
public sealed class CheckoutStore : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private CheckoutStore(StoreWithSandbox inner) => Inner = inner;

    public StoreWithSandbox Inner { get; }
    public EmbeddedApp Store => Inner.Store;
    public SandboxHost Sandbox => Inner.Sandbox;

    public static async Task<CheckoutStore> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Checkout:ApprovalTimeout"] = "00:02:00",
            ["Checkout:PurchasePollInterval"] = "00:00:01",
            ["Checkout:MaxPurchasePolls"] = "60",
            ["Suppliers:Purchases:AttemptTimeout"] = "00:00:03",
            ["Suppliers:Purchases:CheckBackoff"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var inner = await StoreWithSandbox.StartAsync(all);
        await inner.SyncAsync("kinguin", full: true);
        await inner.SyncAsync("digiflazz", full: true);
        return new CheckoutStore(inner);
    }

    /// <summary>A product both suppliers sell, in stock with each, that has no own stock.</summary>
    public Task<string> SharedProductAsync(int skip = 0) => Inner.QueryAsync<string>("""
        SELECT p.slug FROM products p
        WHERE EXISTS (SELECT 1 FROM supplier_offers o WHERE o.product_id = p.id AND o.supplier_code = 'kinguin' AND o.available AND o.stock > 5)
          AND EXISTS (SELECT 1 FROM supplier_offers o WHERE o.product_id = p.id AND o.supplier_code = 'digiflazz' AND o.available AND o.stock > 5)
        ORDER BY p.id OFFSET @Skip LIMIT 1
        """, new { Skip = skip });

    /// <summary>A product in stock with a supplier whose keys activate only in <paramref name="region"/> (EU, US, ...).</summary>
    public Task<string> ProductInRegionAsync(string region, int skip = 0) => Inner.QueryAsync<string>("""
        SELECT p.slug FROM products p
        WHERE p.region = @Region AND EXISTS (SELECT 1 FROM supplier_offers o WHERE o.product_id = p.id AND o.available AND o.stock > 5)
        ORDER BY p.id OFFSET @Skip LIMIT 1
        """, new { Region = region, Skip = skip });

    /// <summary>
    /// An order for a product that two suppliers can deliver at its price, and its candidates cheapest first: the cases
    /// where a failover has somewhere to go.
    /// </summary>
    public async Task<(CreatedOrder Order, IReadOnlyList<SupplierCandidate> Candidates)> PlaceWithTwoCandidatesAsync(int from)
    {
        for (var skip = from; skip < from + 200; skip++)
        {
            var placed = await PlaceAsync(await SharedProductAsync(skip));
            var candidates = await CandidatesAsync(placed.OrderId, placed.Lines[0].LineId);
            if (candidates.Select(c => c.Supplier).Distinct().Count() >= 2)
            {
                return (placed, candidates);
            }
        }
        throw new InvalidOperationException("No product two suppliers can deliver at its price.");
    }

    /// <summary>Uploads <paramref name="count"/> new own-stock keys for the product.</summary>
    public async Task AddStockAsync(string slug, int count)
    {
        using var kernel = Store.InternalClient();
        var keys = Enumerable.Range(0, count).Select(_ => "STOCK-" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant()).ToList();
        var response = await kernel.PostAsJsonAsync("/kernel/stock/keys", new AddStockKeys(slug, keys));
        response.EnsureSuccessStatusCode();
        (await response.Content.ReadFromJsonAsync<AddedStockKeys>())!.Added.Should().Be(count);
    }

    public async Task<CreatedOrder> PlaceAsync(string slug, int quantity = 1, string email = "buyer@example.com", Guid? userId = null)
    {
        using var kernel = Store.InternalClient();
        var response = await kernel.PostAsJsonAsync("/kernel/orders", new CreateOrder(userId, email, null, [new CreateOrderLine(slug, quantity)]));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CreatedOrder>())!;
    }

    /// <summary>Starts the order's checkout and returns PayPal's order id once the approval link exists.</summary>
    public async Task<string> StartAsync(Guid orderId)
    {
        await BeginAsync(orderId);
        var order = await WaitAsync(orderId, HasPaymentOrEnded);
        return order.Payment?.ProviderOrderId ?? throw new InvalidOperationException($"Order ended {order.Status} before payment.");
    }

    /// <summary>Starts the order's checkout without waiting for it.</summary>
    public async Task BeginAsync(Guid orderId)
    {
        using var checkout = Store.InternalClient();
        (await checkout.PostAsJsonAsync("/checkout/checkouts", new { orderId })).StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    public static bool HasPaymentOrEnded(CheckoutOrder order) => order.Payment?.ProviderOrderId is not null || OrderStatuses.Final.Contains(order.Status);

    /// <summary>
    /// What the approval page's Approve button posts; the redirect to the store is not followed. <paramref name="payerId"/>
    /// names a returning PayPal buyer (13 capitals or digits); a new one otherwise. <paramref name="country"/> is the
    /// payer's country (the sandbox's default otherwise).
    /// </summary>
    public async Task ApproveOnPayPalAsync(string payPalOrderId, string action = "approve", string? payerId = null, string? country = null)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Sandbox.PayPalApi };
        var form = new Dictionary<string, string> { ["token"] = payPalOrderId, ["action"] = action };
        if (payerId is not null)
        {
            form["payer_id"] = payerId;
        }
        if (country is not null)
        {
            form["country_code"] = country;
        }
        using var response = await browser.PostAsync("checkoutnow", new FormUrlEncodedContent(form));
        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
    }

    /// <summary>The buyer is back on the store's return page: the BFF tells checkout.</summary>
    public async Task ReturnAsync(Guid orderId, string payPalOrderId)
    {
        using var checkout = Store.InternalClient();
        (await checkout.PostAsJsonAsync($"/checkout/checkouts/{orderId}/return", new { token = payPalOrderId }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    public async Task<CheckoutOrder> PayAsync(Guid orderId)
    {
        var payPalOrderId = await StartAsync(orderId);
        await ApproveOnPayPalAsync(payPalOrderId);
        await ReturnAsync(orderId, payPalOrderId);
        return await WaitFinalAsync(orderId);
    }

    public Task<CheckoutOrder> WaitFinalAsync(Guid orderId) => WaitAsync(orderId, o => OrderStatuses.Final.Contains(o.Status));

    public async Task<CheckoutOrder> WaitAsync(Guid orderId, Func<CheckoutOrder, bool> condition)
    {
        using var kernel = Store.InternalClient();
        CheckoutOrder? order = null;
        (await Eventually.HoldsAsync(async () =>
        {
            order = await kernel.GetFromJsonAsync<CheckoutOrder>($"/kernel/orders/{orderId}");
            return condition(order!);
        }, Patience)).Should().BeTrue($"order {orderId} should get there; it is {order?.Status}");
        return order!;
    }

    /// <summary>
    /// Waits for a crowd of orders. A crowd takes as long as the machine needs, so this gives up only when no order has
    /// moved for <see cref="Patience"/>, never after a total time.
    /// </summary>
    public async Task<IReadOnlyList<CheckoutOrder>> WaitAllAsync(IReadOnlyList<Guid> orderIds, Func<CheckoutOrder, bool> condition)
    {
        using var kernel = Store.InternalClient();
        var orders = new Dictionary<Guid, CheckoutOrder>();
        var lastMove = DateTime.UtcNow;
        while (true)
        {
            foreach (var id in orderIds.Where(id => !orders.TryGetValue(id, out var known) || !condition(known)))
            {
                var order = (await kernel.GetFromJsonAsync<CheckoutOrder>($"/kernel/orders/{id}"))!;
                if (!orders.TryGetValue(id, out var before) || before.UpdatedAt != order.UpdatedAt || before.Payment != order.Payment)
                {
                    lastMove = DateTime.UtcNow;
                }
                orders[id] = order;
            }
            var waiting = orderIds.Where(id => !condition(orders[id])).ToList();
            if (waiting.Count == 0)
            {
                return [.. orderIds.Select(id => orders[id])];
            }
            (DateTime.UtcNow - lastMove).Should().BeLessThan(Patience,
                $"{waiting.Count} orders should get there, e.g. {waiting[0]} is {orders[waiting[0]].Status}, and none moved");
            await Task.Delay(250);
        }
    }

    public async Task<IReadOnlyList<SupplierCandidate>> CandidatesAsync(Guid orderId, long lineId)
    {
        using var kernel = Store.InternalClient();
        return (await kernel.GetFromJsonAsync<List<SupplierCandidate>>($"/kernel/orders/{orderId}/lines/{lineId}/candidates"))!;
    }

    public async Task SetFaultsAsync(string partner, object faults)
    {
        using var admin = Sandbox.Admin();
        (await admin.PutAsJsonAsync($"_sandbox/faults/{partner}", faults)).EnsureSuccessStatusCode();
    }

    /// <summary>Staff's decision on a held order, as the BFF's admin endpoints pass it to checkout.</summary>
    public async Task<HttpStatusCode> ReviewAsync(Guid orderId, bool approved, string decidedBy = "staff@example.com")
    {
        using var checkout = Store.InternalClient();
        using var response = await checkout.PostAsJsonAsync($"/checkout/checkouts/{orderId}/review", new { approved, decidedBy });
        return response.StatusCode;
    }

    /// <summary>The order as PayPal itself shows it (intent, authorizations, captures): the truth about money.</summary>
    public async Task<System.Text.Json.JsonElement> PayPalOrderAsync(string payPalOrderId)
    {
        using var paypal = await PayPalClientAsync();
        return await paypal.GetFromJsonAsync<System.Text.Json.JsonElement>($"v2/checkout/orders/{payPalOrderId}");
    }

    /// <summary>How many captures PayPal holds for its order, asked of PayPal itself.</summary>
    public async Task<int> PayPalCapturesAsync(string payPalOrderId)
    {
        using var paypal = await PayPalClientAsync();
        var order = await paypal.GetFromJsonAsync<System.Text.Json.JsonElement>($"v2/checkout/orders/{payPalOrderId}");
        return order.GetProperty("purchase_units").EnumerateArray()
            .Sum(u => u.TryGetProperty("payments", out var p) && p.TryGetProperty("captures", out var c) ? c.GetArrayLength() : 0);
    }

    /// <summary>A new account whose owner plays in <paramref name="country"/>.</summary>
    public async Task<Guid> UserInAsync(string email, string country)
    {
        using var kernel = Store.InternalClient();
        var created = await kernel.PostAsJsonAsync("/kernel/users", new { email, password = "correct horse battery", displayName = "Buyer" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        (await kernel.PutAsJsonAsync($"/kernel/users/{id}/country", new { country })).StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Store.DatabaseConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    /// <summary>A client for the PayPal simulator's REST API, signed in as the store.</summary>
    public async Task<HttpClient> PayPalClientAsync()
    {
        var http = new HttpClient { BaseAddress = Sandbox.PayPalApi };
        using var token = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "v1/oauth2/token")
        {
            Headers = { Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{SandboxHost.PayPalClientId}:{SandboxHost.PayPalClientSecret}"))) },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        });
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return http;
    }

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}

/// <summary>One store for a test class whose tests reset the faults they set; they run one after another.</summary>
public sealed class CheckoutStoreFixture : IAsyncLifetime
{
    public CheckoutStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CheckoutStore.StartAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
