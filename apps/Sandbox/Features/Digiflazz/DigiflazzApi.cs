using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Features.Faults;
using Microsoft.AspNetCore.Http.HttpResults;
using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>
/// Digiflazz's buyer API under <c>/digiflazz/v1</c> (for <c>https://api.digiflazz.com/v1</c>): every call a POST
/// of JSON, every answer <c>{"data": ...}</c>, every caller proven by an md5 sign.
/// </summary>
internal static class DigiflazzApi
{
    public const string Prefix = "/digiflazz/v1";

    public static IServiceCollection AddDigiflazz(this IServiceCollection services)
    {
        services.AddSettings<DigiflazzOptions>(DigiflazzOptions.Section);
        services.AddSingleton<DigiflazzLedger>();
        services.AddSingleton<DigiflazzWebhooks>();
        services.AddSingleton<PriceListLimit>();
        return services;
    }

    public static RouteGroupBuilder MapDigiflazz(this RouteGroupBuilder sandbox)
    {
        var digiflazz = sandbox.MapGroup(Prefix).WithTags("Digiflazz")
            .WithFaults(Partners.Digiflazz, Refusal.Injected);
        digiflazz.MapPost("/cek-saldo", CheckBalanceAsync).Accepts<SignedRequest>("application/json");
        digiflazz.MapPost("/price-list", PriceListAsync).Accepts<PriceListRequest>("application/json");
        digiflazz.MapPost("/transaction", TransactAsync).Accepts<TransactionRequest>("application/json");
        return sandbox;
    }

    private static async Task<Results<JsonHttpResult<DigiflazzReply<Balance>>, JsonHttpResult<DigiflazzReply<Refusal>>>> CheckBalanceAsync(
        HttpRequest http, DigiflazzOptions account, DigiflazzLedger ledger, CancellationToken ct)
    {
        var request = await DigiflazzJson.ReadAsync<SignedRequest>(http, ct);
        if (Refuse(request?.Username, request?.Sign, "depo", account) is { } refused)
        {
            return refused;
        }
        return DigiflazzJson.Reply(new Balance(ledger.Deposit));
    }

    private static async Task<Results<JsonHttpResult<DigiflazzReply<PriceListItem[]>>, JsonHttpResult<DigiflazzReply<Refusal>>>> PriceListAsync(
        HttpRequest http, DigiflazzOptions account, DemoCatalog catalog, DigiflazzLedger ledger, FaultSwitches faults, PriceListLimit limit,
        CancellationToken ct)
    {
        var request = await DigiflazzJson.ReadAsync<PriceListRequest>(http, ct);
        if (Refuse(request?.Username, request?.Sign, "pricelist", account) is { } refused)
        {
            return refused;
        }
        if (!limit.TryEnter())
        {
            // Documented quirk: HTTP 200 and `data` an object, not the usual array.
            return Refusal.Of(DigiflazzCodes.PriceListLimit);
        }
        if (request!.Cmd != "prepaid")
        {
            return DigiflazzJson.Reply<PriceListItem[]>([]);  // the catalog has no postpaid ("pasca") products
        }
        var outOfStock = faults.For(Partners.Digiflazz).OutOfStock;
        var items = catalog.Digiflazz.Where(request.Matches)
            .Select(g => PriceListItem.From(g, ledger.PriceOf(g.Digiflazz!), outOfStock ? 0 : ledger.StockLeft(g.Digiflazz!)));
        return DigiflazzJson.Reply(items.ToArray());
    }

    private static async Task<Results<JsonHttpResult<DigiflazzReply<DigiflazzTransaction>>, JsonHttpResult<DigiflazzReply<Refusal>>, EmptyHttpResult>>
        TransactAsync(HttpRequest http, DigiflazzLedger ledger, FaultSwitches switches, CancellationToken ct)
    {
        var request = await DigiflazzJson.ReadAsync<TransactionRequest>(http, ct) ?? new TransactionRequest(null, null, null, null, null);
        var faults = switches.For(Partners.Digiflazz);
        if (faults.FailsBeforeSale() && ledger.Find(request.RefId) is null)
        {
            return Refusal.Injected(faults.ErrorStatus);
        }
        var (transaction, recorded) = ledger.Transact(request);
        if (recorded && await faults.LosesReplyAsync(http.HttpContext))
        {
            return TypedResults.Empty;
        }
        return recorded && faults.FailsAfterSale()
            ? Refusal.Injected(faults.ErrorStatus)
            : DigiflazzJson.Reply(transaction, DigiflazzCodes.HttpStatus(transaction.Rc));
    }

    private static JsonHttpResult<DigiflazzReply<Refusal>>? Refuse(string? username, string? sign, string x, DigiflazzOptions account) =>
        username is null || sign is null ? Refusal.Of(DigiflazzCodes.BadPayload)
        : DigiflazzSign.Check(account, username, sign, x) is { } rc ? Refusal.Of(rc)
        : null;
}

/// <summary>Body of <c>/cek-saldo</c>: <c>{cmd:"deposit", username, sign}</c>.</summary>
internal sealed record SignedRequest(string? Cmd, string? Username, string? Sign);

/// <summary>Body of <c>/price-list</c>; the optional fields narrow the list.</summary>
internal sealed record PriceListRequest(string? Cmd, string? Username, string? Sign, string? Code, string? Category, string? Brand, string? Type)
{
    public bool Matches(Game game) =>
        (Code is null || string.Equals(Code, game.Digiflazz!.Sku, StringComparison.OrdinalIgnoreCase))
        && (Category is null || string.Equals(Category, PriceListItem.Games, StringComparison.OrdinalIgnoreCase))
        && (Brand is null || string.Equals(Brand, game.Platform.Name, StringComparison.OrdinalIgnoreCase))
        && (Type is null || string.Equals(Type, "Umum", StringComparison.OrdinalIgnoreCase));
}

internal sealed record Balance(long Deposit);

/// <summary>A refused call outside /transaction: <c>{rc, status, message}</c>.</summary>
internal sealed record Refusal(string Rc, string Status, string Message)
{
    public static JsonHttpResult<DigiflazzReply<Refusal>> Of(string rc) =>
        DigiflazzJson.Reply(new Refusal(rc, DigiflazzCodes.StatusOf(rc), DigiflazzCodes.Message(rc)), DigiflazzCodes.HttpStatus(rc));

    public static JsonHttpResult<DigiflazzReply<Refusal>> Injected(int status) =>
        DigiflazzJson.Reply(new Refusal("", DigiflazzCodes.Gagal, "Injected by the sandbox fault switch."), status);
}
