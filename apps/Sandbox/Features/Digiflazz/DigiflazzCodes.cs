namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>The response codes the simulator gives, with Digiflazz's own messages.</summary>
internal static class DigiflazzCodes
{
    public const string Success = "00";
    public const string Failed = "02";
    public const string Pending = "03";
    public const string BadPayload = "40";
    public const string BadSign = "41";
    public const string BadUsername = "42";
    public const string SkuOff = "43";
    public const string LowBalance = "44";
    public const string RefIdReused = "49";
    public const string WrongNumber = "50";
    public const string CutOff = "58";
    public const string OutOfStock = "68";
    public const string AboveMaxPrice = "69";
    public const string PriceListLimit = "83";

    public const string Sukses = "Sukses";
    public const string PendingStatus = "Pending";
    public const string Gagal = "Gagal";

    private static readonly Dictionary<string, string> Messages = new()
    {
        [Success] = "Transaksi Sukses",
        [Failed] = "Transaksi Gagal",
        [Pending] = "Transaksi Pending",
        [BadPayload] = "Payload Error",
        [BadSign] = "Signature Anda salah",
        [BadUsername] = "Username Anda salah",
        [SkuOff] = "SKU tidak di temukan atau Non-Aktif",
        [LowBalance] = "Saldo tidak cukup",
        [RefIdReused] = "Ref ID tidak unik",
        [WrongNumber] = "Nomor tujuan salah",
        [CutOff] = "Sedang Cut Off",
        [OutOfStock] = "Stok habis",
        [AboveMaxPrice] = "Harga seller lebih besar dari ketentuan harga Buyer",
        [PriceListLimit] = "Anda telah mencapai limitasi pengecekan pricelist, silahkan coba beberapa saat lagi",
    };

    public static string Message(string rc) => Messages[rc];

    public static string StatusOf(string rc) => rc switch
    {
        Success => Sukses,
        Pending or "99" => PendingStatus,
        _ => Gagal,
    };

    /// <summary>Refusals of the request itself get HTTP 400; every other outcome is HTTP 200 with the rc in the body.</summary>
    public static int HttpStatus(string rc) =>
        rc is BadPayload or BadSign or BadUsername ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
}
