using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// Signs pushes the way PayPal does: SHA256withRSA over <c>transmission_id|transmission_time|webhook_id|crc32(body)</c>,
/// with a key made at start and its self-signed certificate served at <c>PAYPAL-CERT-URL</c>.
/// </summary>
internal sealed class PayPalSigner : IDisposable
{
    public const string CertificateName = "CERT-sandbox-gamesdrop";
    public const string Algorithm = "SHA256withRSA";

    private readonly RSA _key = RSA.Create(2048);

    public PayPalSigner()
    {
        var request = new CertificateRequest("CN=messageverificationcerts.sandbox.paypal.com", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        CertificatePem = certificate.ExportCertificatePem();
    }

    public string CertificatePem { get; }

    public string Sign(string transmissionId, string transmissionTime, string webhookId, byte[] body) => Convert.ToBase64String(
        _key.SignData(Signed(transmissionId, transmissionTime, webhookId, body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static byte[] Signed(string transmissionId, string transmissionTime, string webhookId, byte[] body) =>
        Encoding.UTF8.GetBytes($"{transmissionId}|{transmissionTime}|{webhookId}|{Crc32(body)}");

    /// <summary>CRC-32 (IEEE), as a decimal number, the checksum PayPal signs instead of the body.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }
        return ~crc;
    }

    public void Dispose() => _key.Dispose();
}
