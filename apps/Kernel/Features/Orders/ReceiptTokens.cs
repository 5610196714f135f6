using System.Buffers.Text;
using System.Security.Cryptography;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// A receipt token is 32 random bytes, base64url on the wire; only their SHA-256 is stored, so the table alone does not
/// open anyone's receipt.
/// </summary>
internal static class ReceiptTokens
{
    public static string Encode(byte[] token) => Base64Url.EncodeToString(token);

    public static byte[] Hash(byte[] token) => SHA256.HashData(token);

    /// <summary>The stored hash of a token as sent, or null when it cannot be one of ours.</summary>
    public static byte[]? HashOf(string token)
    {
        var bytes = new byte[32];
        return Base64Url.IsValid(token, out var length) && length == bytes.Length
               && Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == bytes.Length
            ? Hash(bytes)
            : null;
    }
}
