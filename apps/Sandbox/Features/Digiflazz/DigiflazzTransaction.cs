using System.Text.Json.Serialization;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>
/// A transaction as Digiflazz reports it (also the shape of refusals, which are never stored). <see cref="Sn"/>
/// carries the voucher code once Sukses. <see cref="TrxId"/> appears in webhooks only.
/// </summary>
internal sealed record DigiflazzTransaction(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TrxId,
    string RefId,
    string CustomerNo,
    string BuyerSkuCode,
    string Message,
    string Status,
    string Rc,
    string Sn,
    long BuyerLastSaldo,
    long Price,
    string Tele,
    string Wa)
{
    public static DigiflazzTransaction Of(TransactionRequest request, string rc, long price, long deposit, string sn = "") =>
        new(null, request.RefId ?? "", request.CustomerNo ?? "", request.BuyerSkuCode ?? "", DigiflazzCodes.Message(rc),
            DigiflazzCodes.StatusOf(rc), rc, sn, deposit, price, "", "");

    public DigiflazzTransaction Settled(string rc, string sn, long deposit) =>
        this with { Rc = rc, Status = DigiflazzCodes.StatusOf(rc), Message = DigiflazzCodes.Message(rc), Sn = sn, BuyerLastSaldo = deposit };
}
