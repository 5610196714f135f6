using System.Security.Cryptography;
using System.Text;
using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Features.Faults;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>
/// The buyer account: deposit, stock sold per SKU, and every transaction by ref_id. One lock covers a whole
/// transaction, so a ref_id is never used twice and the deposit never goes negative.
/// </summary>
internal sealed class DigiflazzLedger(DemoCatalog catalog, DigiflazzOptions options, FaultSwitches faults, DigiflazzWebhooks webhooks,
    Scheduler scheduler, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DigiflazzTransaction> _byRefId = [];
    private readonly Dictionary<string, int> _sold = new(StringComparer.OrdinalIgnoreCase);
    private long _deposit = options.Deposit;

    public long Deposit
    {
        get
        {
            lock (_gate)
            {
                return _deposit;
            }
        }
    }

    public int StockLeft(DigiflazzListing listing)
    {
        lock (_gate)
        {
            return Left(listing);
        }
    }

    /// <summary>What the buyer pays now: the listed price under the price fault multiplier, still whole rupiah.</summary>
    public long PriceOf(DigiflazzListing listing) =>
        (long)Math.Round(listing.Price * faults.For(Partners.Digiflazz).PriceMultiplier);

    /// <summary>The transaction stored under <paramref name="refId"/>, as a re-send would answer it; null when there is none.</summary>
    public DigiflazzTransaction? Find(string? refId)
    {
        lock (_gate)
        {
            return refId is null ? null : _byRefId.GetValueOrDefault(refId);
        }
    }

    /// <summary>Creates the transaction, or answers the stored one when the same request comes again.</summary>
    /// <returns>The answer, and whether this call stored a new transaction (refusals are never stored).</returns>
    public (DigiflazzTransaction Transaction, bool Recorded) Transact(TransactionRequest request)
    {
        if (!request.IsComplete)
        {
            return (DigiflazzTransaction.Of(request, DigiflazzCodes.BadPayload, 0, Deposit), false);
        }
        if (DigiflazzSign.Check(options, request.Username, request.Sign, request.RefId!) is { } refused)
        {
            return (DigiflazzTransaction.Of(request, refused, 0, Deposit), false);
        }
        lock (_gate)
        {
            if (_byRefId.TryGetValue(request.RefId!, out var existing))
            {
                return (request.Repeats(existing) ? existing : DigiflazzTransaction.Of(request, DigiflazzCodes.RefIdReused, 0, _deposit), false);
            }
            var transaction = request.Testing && string.Equals(request.BuyerSkuCode, TestNumbers.Sku, StringComparison.OrdinalIgnoreCase)
                ? TestCase(request)
                : Sale(request);
            return (transaction, _byRefId.ContainsKey(request.RefId!));
        }
    }

    private DigiflazzTransaction Sale(TransactionRequest request)
    {
        var listing = catalog.BySku(request.BuyerSkuCode!)?.Digiflazz;
        if (listing is not { BuyerProductStatus: true, SellerProductStatus: true })
        {
            return DigiflazzTransaction.Of(request, DigiflazzCodes.SkuOff, 0, _deposit);
        }
        var price = PriceOf(listing);
        var refusal = faults.For(Partners.Digiflazz).OutOfStock || (!listing.UnlimitedStock && Left(listing) == 0) ? DigiflazzCodes.OutOfStock
            : request.MaxPrice is > 0 && price > request.MaxPrice ? DigiflazzCodes.AboveMaxPrice
            : !request.Testing && price > _deposit ? DigiflazzCodes.LowBalance
            : null;
        if (refusal is not null)
        {
            return DigiflazzTransaction.Of(request, refusal, price, _deposit);
        }
        if (CutOff.Covers(listing, clock.GetUtcNow()))
        {
            return Store(request, DigiflazzTransaction.Of(request, DigiflazzCodes.CutOff, price, _deposit));
        }
        // Development-mode transactions are free, as with Digiflazz's testing flag.
        if (!request.Testing)
        {
            _deposit -= price;
            _sold[listing.Sku] = _sold.GetValueOrDefault(listing.Sku) + 1;
        }
        var platform = catalog.BySku(listing.Sku)!.Platform;
        if (PendingTime == TimeSpan.Zero)
        {
            return Store(request, DigiflazzTransaction.Of(request, DigiflazzCodes.Success, price, _deposit, KeyCodes.For(platform)));
        }
        var pending = Store(request, DigiflazzTransaction.Of(request, DigiflazzCodes.Pending, price, _deposit));
        scheduler.After(PendingTime, () => Settle(request, DigiflazzCodes.Success, KeyCodes.For(platform)));
        return pending;
    }

    private DigiflazzTransaction TestCase(TransactionRequest request)
    {
        var (first, settles) = TestNumbers.Outcome(request.CustomerNo!);
        var sn = first == DigiflazzCodes.Success ? TestSerial() : "";
        var transaction = Store(request, DigiflazzTransaction.Of(request, first, TestNumbers.Price, _deposit, sn));
        if (settles is not null)
        {
            scheduler.After(PendingTime, () => Settle(request, settles, settles == DigiflazzCodes.Success ? TestSerial() : ""));
        }
        return transaction;
    }

    private DigiflazzTransaction Store(TransactionRequest request, DigiflazzTransaction transaction)
    {
        _byRefId[request.RefId!] = transaction;
        webhooks.Push(transaction, TrxId(request), DigiflazzWebhooks.Create, request.CbUrl);
        return transaction;
    }

    /// <summary>A Pending transaction ends; a failed sale gives its money and stock back.</summary>
    private void Settle(TransactionRequest request, string rc, string sn)
    {
        DigiflazzTransaction settled;
        lock (_gate)
        {
            var pending = _byRefId[request.RefId!];
            if (rc != DigiflazzCodes.Success && !request.Testing)
            {
                _deposit += pending.Price;
                _sold[request.BuyerSkuCode!] -= 1;
            }
            settled = pending.Settled(rc, sn, _deposit);
            _byRefId[request.RefId!] = settled;
        }
        webhooks.Push(settled, TrxId(request), DigiflazzWebhooks.Update, request.CbUrl);
    }

    /// <summary>The "slow key delivery" fault stretches it like Kinguin's.</summary>
    private TimeSpan PendingTime =>
        TimeSpan.FromSeconds(faults.For(Partners.Digiflazz).KeyDeliverySeconds ?? options.PendingSeconds);

    private int Left(DigiflazzListing listing) => Math.Max(0, listing.Stock - _sold.GetValueOrDefault(listing.Sku));

    /// <summary>Digiflazz's own transaction id, derived from the ref_id so every push of one transaction carries the same.</summary>
    private static string TrxId(TransactionRequest request) =>
        "DF" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.RefId!)))[..12];

    /// <summary>Test transactions sell a phone data package, whose serial is a reference number.</summary>
    private static string TestSerial() => RandomNumberGenerator.GetString("0123456789", 16);
}
