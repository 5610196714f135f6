using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GamesDrop.Contracts.Catalog;
using Microsoft.Extensions.Options;

namespace GamesDrop.Suppliers.Adapters.Digiflazz;

/// <summary>
/// Digiflazz's buyer API: every call is a signed POST (md5 of username + key + a per-call word). Its price
/// list is the whole catalog in one reply, so sync is always full. A purchase is one transaction per key,
/// capped by <c>max_price</c>; re-sending a transaction with the same <c>ref_id</c> reads its status.
/// </summary>
public sealed class DigiflazzSupplier(HttpClient http, SupplierSecrets secrets, IOptions<DigiflazzOptions> options, TimeProvider time) : ISupplier
{
    public const string SupplierCode = "digiflazz";
    public const string EndpointName = "digiflazz-api";

    /// <summary>The same API for re-reads product views ask for, behind a breaker and timeout of their own.</summary>
    public const string RefreshEndpointName = "digiflazz-refresh";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Code => SupplierCode;
    public string Name => "Digiflazz";
    public string WebhookSecret => DigiflazzOptions.WebhookSecret;
    public string Currency => "IDR";
    public string Endpoint => EndpointName;
    public bool SupportsDeltaSync => false;
    public decimal LowBalance => options.Value.LowBalance;

    public async IAsyncEnumerable<IReadOnlyList<SupplierOffer>> ListOffersAsync(
        DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = await PriceListAsync(null, ct);
        var now = time.GetUtcNow();
        foreach (var chunk in items.Chunk(500))
        {
            yield return chunk.Select(i => DigiflazzMapping.ToOffer(i, now)).ToList();
        }
    }

    public async Task<SupplierOffer?> GetOfferAsync(string sku, CancellationToken ct) =>
        (await PriceListAsync(sku, ct)).Select(i => DigiflazzMapping.ToOffer(i, time.GetUtcNow())).FirstOrDefault(o => o.Sku == sku);

    public Task<SupplierPurchase> BuyAsync(PurchaseRequest request, CancellationToken ct) => TransactAsync(request, ct);

    // Digiflazz answers a repeated ref_id with that transaction's current state, so buying again is reading.
    public Task<SupplierPurchase> GetPurchaseAsync(PurchaseRequest request, string supplierOrderId, CancellationToken ct) => TransactAsync(request, ct);

    /// <summary>
    /// Re-sends the transaction, Digiflazz's only status check: it makes the transaction if the lost one never arrived,
    /// which is still one purchase from one supplier. A refusal that creates nothing means none exists.
    /// </summary>
    public async Task<SupplierPurchase?> FindPurchaseAsync(PurchaseRequest request, CancellationToken ct)
    {
        var purchase = await TransactAsync(request, ct);
        return purchase is { Status: PurchaseStatus.Failed, Keys.Count: 0 } ? null : purchase;
    }

    public async Task<decimal> GetBalanceAsync(CancellationToken ct)
    {
        var (username, key) = await CredentialsAsync(ct);
        var data = await PostAsync("cek-saldo", new { cmd = "deposit", username, sign = Sign(username, key, "depo") }, ct);
        return Read<DigiflazzDeposit>(data, "cek-saldo").Deposit;
    }

    /// <summary>
    /// One transaction per key, ref_id <c>{reference}-{n}</c> (the reference itself for one key). Stops at the first that is
    /// refused or in doubt; keys bought before it are kept in the answer, since they are paid for.
    /// </summary>
    private async Task<SupplierPurchase> TransactAsync(PurchaseRequest request, CancellationToken ct)
    {
        var (username, key) = await CredentialsAsync(ct);
        var keys = new List<DeliveredKey>();
        var pending = false;
        decimal cost = 0;
        for (var i = 1; i <= request.Quantity; i++)
        {
            var refId = request.Quantity == 1 ? request.Reference : $"{request.Reference}-{i}";
            var data = await PostAsync("transaction", new
            {
                username,
                buyer_sku_code = request.Sku,
                customer_no = request.Reference,
                ref_id = refId,
                sign = Sign(username, key, refId),
                max_price = decimal.ToInt64(decimal.Floor(request.MaxUnitPrice)),
                testing = options.Value.Testing,
            }, ct);
            var transaction = Read<DigiflazzTransaction>(data, "transaction");
            if (transaction.Rc == DigiflazzCodes.Success || DigiflazzCodes.IsPending(transaction.Rc))
            {
                cost += transaction.Price ?? 0;
                pending |= transaction.Rc != DigiflazzCodes.Success;
                if (transaction.Rc == DigiflazzCodes.Success)
                {
                    keys.Add(new DeliveredKey(refId, transaction.Sn ?? "", "text/plain"));
                }
                continue;
            }
            var failure = $"Digiflazz rc {transaction.Rc}: {transaction.Message}" + (i > 1 ? $" (after {i - 1} of {request.Quantity} keys)" : "");
            // Any other code means a transaction exists in a state we cannot settle on: its outcome stays open.
            var status = DigiflazzCodes.CreatedNothing(transaction.Rc) ? PurchaseStatus.Failed : PurchaseStatus.Unknown;
            return new SupplierPurchase(request.Reference, status, i > 1 ? cost / (i - 1) : null, keys, failure);
        }
        return new SupplierPurchase(request.Reference, pending ? PurchaseStatus.Pending : PurchaseStatus.Completed, cost / request.Quantity, keys, null);
    }

    private async Task<IReadOnlyList<DigiflazzPriceItem>> PriceListAsync(string? code, CancellationToken ct)
    {
        var (username, key) = await CredentialsAsync(ct);
        var data = await PostAsync("price-list", new { cmd = "prepaid", username, sign = Sign(username, key, "pricelist"), code }, ct);
        if (data.ValueKind != JsonValueKind.Array)
        {
            // rc 83 and friends arrive as HTTP 200 with an object instead of the list.
            var failure = data.Deserialize<DigiflazzFailure>(Json);
            throw new SupplierException(Code, "rc" + failure?.Rc, $"Digiflazz price-list: rc {failure?.Rc} {failure?.Message}", retryable: true);
        }
        var category = options.Value.Category;
        return data.Deserialize<List<DigiflazzPriceItem>>(Json)!
            .Where(i => string.IsNullOrEmpty(category) || string.Equals(i.Category, category, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private async Task<JsonElement> PostAsync(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json, ct);
        var status = (int)response.StatusCode;
        // A gateway or server error tells nothing about what was done, whatever its body says.
        if (status < 500)
        {
            try
            {
                // Refusals (bad sign, unknown username) come as 4xx with the rc in data: let Read report the rc.
                using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data))
                {
                    return data.Clone();
                }
            }
            catch (JsonException)
            {
                // Not Digiflazz's envelope (a gateway error page): reported by status below.
            }
        }
        throw new SupplierException(Code, "Http" + status, $"Digiflazz {path}: {status}", retryable: status >= 500 || status == 429);
    }

    private static T Read<T>(JsonElement data, string path)
    {
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("rc", out var rc) && !data.TryGetProperty("ref_id", out _)
            && !data.TryGetProperty("deposit", out _))
        {
            var failure = data.Deserialize<DigiflazzFailure>(Json)!;
            throw new SupplierException(SupplierCode, "rc" + rc.GetString(), $"Digiflazz {path}: rc {failure.Rc} {failure.Message}",
                retryable: !DigiflazzCodes.CreatedNothing(failure.Rc));
        }
        return data.Deserialize<T>(Json) ?? throw new SupplierException(SupplierCode, "NoData", $"Digiflazz {path}: empty data.", retryable: true);
    }

    private async Task<(string Username, string Key)> CredentialsAsync(CancellationToken ct) =>
        (await secrets.GetAsync(DigiflazzOptions.UsernameSecret, ct), await secrets.GetAsync(DigiflazzOptions.ApiKeySecret, ct));

    /// <summary>Digiflazz's request signature; md5 is the API's choice, not ours.</summary>
    public static string Sign(string username, string key, string word) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(username + key + word)));
}
