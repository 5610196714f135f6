namespace GamesDrop.Sandbox.Features.Faults;

/// <summary>The simulated partners, as named in <c>/_sandbox/faults/{partner}</c>.</summary>
internal static class Partners
{
    public const string Kinguin = "kinguin";
    public const string Digiflazz = "digiflazz";
    public const string PayPal = "paypal";
    public const string Telegram = "telegram";
    public const string Google = "google";

    public static readonly IReadOnlyList<string> All = [Kinguin, Digiflazz, PayPal, Telegram, Google];
}
