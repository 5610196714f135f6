using System.Security.Cryptography;
using System.Text;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary><c>sign = md5(username + apiKey + X)</c> in lowercase hex, X naming the call ("depo", "pricelist" or the ref_id).</summary>
internal static class DigiflazzSign
{
    public static string Of(string username, string apiKey, string x) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(username + apiKey + x)));

    /// <returns>The rc that refuses the caller, or null when username and sign are right.</returns>
    public static string? Check(DigiflazzOptions account, string? username, string? sign, string x) =>
        username != account.Username ? DigiflazzCodes.BadUsername
        : !ConstantTime.Matches(sign ?? "", Of(account.Username, account.ApiKey, x)) ? DigiflazzCodes.BadSign
        : null;
}
