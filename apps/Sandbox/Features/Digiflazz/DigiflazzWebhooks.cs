using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GamesDrop.Sandbox.Features.Faults;
using GamesDrop.Sandbox.Webhooks;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>
/// Digiflazz's transaction webhook: <c>{"data": transaction}</c> with its Hookshot headers and, when a secret is set,
/// <c>X-Hub-Signature: sha1=hex(HMAC-SHA1(secret, raw body))</c>.
/// </summary>
internal sealed class DigiflazzWebhooks(WebhookQueue queue, DigiflazzOptions options)
{
    public const string Create = "create";
    public const string Update = "update";

    public void Push(DigiflazzTransaction transaction, string trxId, string eventName, string? cbUrl)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new DigiflazzReply<DigiflazzTransaction>(transaction with { TrxId = trxId }),
            DigiflazzJson.Options);
        var headers = new Dictionary<string, string>
        {
            ["X-Digiflazz-Event"] = eventName,
            ["X-Digiflazz-Delivery"] = Guid.NewGuid().ToString(),
            ["User-Agent"] = "Digiflazz-Hookshot",
        };
        if (!string.IsNullOrEmpty(options.WebhookSecret))
        {
            headers["X-Hub-Signature"] = Signature(options.WebhookSecret, body);
        }
        queue.Push(Partners.Digiflazz, eventName, string.IsNullOrEmpty(cbUrl) ? options.WebhookUrl : cbUrl, body, headers);
    }

    public static string Signature(string secret, byte[] body) =>
        "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));
}
