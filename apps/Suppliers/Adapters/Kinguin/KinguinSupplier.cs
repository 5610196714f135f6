using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using GamesDrop.Contracts.Catalog;
using Microsoft.Extensions.Options;

namespace GamesDrop.Suppliers.Adapters.Kinguin;

/// <summary>
/// Kinguin's eCommerce API: v1 to search listings and orders, v2 to order and download keys.
/// Delta sync uses <c>updatedSince</c>; purchases are made idempotent by <c>orderExternalId</c>.
/// </summary>
public sealed class KinguinSupplier(HttpClient http, SupplierSecrets secrets, IOptions<KinguinOptions> options) : ISupplier
{
    public const string SupplierCode = "kinguin";
    public const string EndpointName = "kinguin-api";

    /// <summary>The same API for re-reads product views ask for, behind a breaker and timeout of their own.</summary>
    public const string RefreshEndpointName = "kinguin-refresh";

    public string Code => SupplierCode;
    public string Name => "Kinguin";
    public string WebhookSecret => KinguinOptions.WebhookSecret;
    public string Currency => "EUR";
    public string Endpoint => EndpointName;
    public bool SupportsDeltaSync => true;
    public decimal LowBalance => options.Value.LowBalance;

    /// <summary>
    /// Pages in kinguinId order. Once the first page tells how many listings there are, up to
    /// <see cref="KinguinOptions.PagesInFlight"/> pages are requested at once and handed on in order: each page is a round
    /// trip, and hundreds of them one after another would keep a full sync waiting on the network.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<SupplierOffer>> ListOffersAsync(
        DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken ct)
    {
        var limit = Math.Clamp(options.Value.PageSize, 1, 100);
        var inFlight = Math.Clamp(options.Value.PagesInFlight, 1, 16);
        var filter = changedSince is { } since
            ? "&updatedSince=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            : "";
        // Requests still out when the caller stops early (or a page fails) are cancelled and settled, never left running.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = new Queue<(int Page, Task<KinguinProductPage> Result)>();
        var next = 1;
        void Request()
        {
            var page = next++;
            reading.Enqueue((page, SendAsync<KinguinProductPage>(
                HttpMethod.Get, $"v1/products?page={page}&limit={limit}&sortBy=kinguinId{filter}", null, stop.Token)));
        }
        try
        {
            Request();
            while (reading.TryDequeue(out var read))
            {
                var result = await read.Result;
                var end = result.Results.Count < limit || read.Page * limit >= result.ItemCount;
                // The next pages are asked for before this one is handed on, so they arrive while the caller works on it.
                // The count is read again from every page: a catalog growing while it is read still gets read to its end.
                while (!end && reading.Count < inFlight && next <= (result.ItemCount + limit - 1) / limit)
                {
                    Request();
                }
                yield return result.Results.Select(KinguinMapping.ToOffer).ToList();
                if (end)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var (_, left) in reading)
            {
                await Task.WhenAny(left);
            }
        }
    }

    public async Task<SupplierOffer?> GetOfferAsync(string sku, CancellationToken ct)
    {
        try
        {
            return KinguinMapping.ToOffer(await SendAsync<KinguinProduct>(HttpMethod.Get, $"v2/products/{Uri.EscapeDataString(sku)}", null, ct));
        }
        catch (SupplierException e) when (e.Code == "NotFound")
        {
            return null;
        }
    }

    public async Task<SupplierPurchase> BuyAsync(PurchaseRequest request, CancellationToken ct)
    {
        // orderExternalId already used means this purchase was made before: continue with that order.
        var order = await FindOrderAsync(request.Reference, ct) ?? await PlaceAsync(request, ct);
        try
        {
            return await GetPurchaseAsync(request, order.OrderId, ct);
        }
        catch (Exception e) when (SupplierFailures.IsSupplierFailure(e))
        {
            // The order exists and is paid; reading its keys can wait for the next status call.
            return ToPurchase(order, [], request);
        }
    }

    public async Task<SupplierPurchase> GetPurchaseAsync(PurchaseRequest request, string supplierOrderId, CancellationToken ct)
    {
        var id = Uri.EscapeDataString(supplierOrderId);
        var order = await SendAsync<KinguinOrder>(HttpMethod.Get, $"v1/order/{id}", null, ct);
        var keys = new List<DeliveredKey>();
        for (var page = 1; ; page++)
        {
            var batch = await SendAsync<List<KinguinKey>>(HttpMethod.Get, $"v2/order/{id}/keys?page={page}&limit=100", null, ct);
            keys.AddRange(batch.Select(k => new DeliveredKey(k.Id, k.Serial, k.Type)));
            if (batch.Count < 100)
            {
                break;
            }
        }
        return ToPurchase(order, keys, request);
    }

    public async Task<SupplierPurchase?> FindPurchaseAsync(PurchaseRequest request, CancellationToken ct) =>
        await FindOrderAsync(request.Reference, ct) is { } order ? await GetPurchaseAsync(request, order.OrderId, ct) : null;

    public async Task<decimal> GetBalanceAsync(CancellationToken ct) =>
        (await SendAsync<KinguinBalance>(HttpMethod.Get, "v1/balance", null, ct)).Balance;

    /// <summary>Places the order, offering <see cref="PurchaseRequest.MaxUnitPrice"/> as the most Kinguin may charge per key.</summary>
    private async Task<KinguinOrder> PlaceAsync(PurchaseRequest request, CancellationToken ct)
    {
        try
        {
            return await SendAsync<KinguinOrder>(HttpMethod.Post, "v2/order", new KinguinOrderRequest(
                [new KinguinOrderLine(request.Sku, request.Quantity, request.MaxUnitPrice)], request.Reference), ct);
        }
        catch (SupplierException e) when (e.Code == "ConstraintViolation")
        {
            // A duplicate orderExternalId: an earlier attempt placed it after all (a retry after a lost reply).
            if (await FindOrderAsync(request.Reference, ct) is { } placed)
            {
                return placed;
            }
            throw;
        }
    }

    private static SupplierPurchase ToPurchase(KinguinOrder order, List<DeliveredKey> keys, PurchaseRequest request)
    {
        var status = order.Status switch
        {
            "completed" when keys.Count >= request.Quantity => PurchaseStatus.Completed,
            "canceled" or "refunded" => PurchaseStatus.Failed,
            _ => PurchaseStatus.Pending,
        };
        return new SupplierPurchase(order.OrderId, status, order.TotalPrice / request.Quantity, keys,
            status == PurchaseStatus.Failed ? $"Kinguin order {order.Status}" : null);
    }

    private async Task<KinguinOrder?> FindOrderAsync(string reference, CancellationToken ct)
    {
        var found = await SendAsync<KinguinOrderSearch>(HttpMethod.Get, $"v1/order?orderExternalId={Uri.EscapeDataString(reference)}", null, ct);
        return found.Results.FirstOrDefault(o => o.OrderExternalId == reference);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", await secrets.GetAsync(KinguinOptions.ApiKeySecret, ct));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<T>(ct)
                ?? throw new SupplierException(Code, "EmptyReply", $"Kinguin answered {path} with no body.", retryable: true);
        }
        var error = await ReadErrorAsync(response, ct);
        var kind = response.StatusCode == HttpStatusCode.NotFound ? "NotFound" : error?.Kind ?? "Http" + (int)response.StatusCode;
        throw new SupplierException(Code, kind, $"Kinguin {method} {path}: {(int)response.StatusCode} {error?.Detail ?? error?.Title}",
            retryable: (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests);
    }

    private static async Task<KinguinError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<KinguinError>(ct);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
