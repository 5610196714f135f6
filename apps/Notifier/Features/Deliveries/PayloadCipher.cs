using System.Security.Cryptography;
using System.Text;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Notifier.Features.Deliveries;

/// <summary>
/// Seals queued messages with AES-256-GCM under secret <c>notifier-data-key</c> (32 bytes, base64): mails carry reset and
/// receipt links, which must not sit in the database readable. Layout: nonce, ciphertext, tag.
/// </summary>
public sealed class PayloadCipher([FromKeyedServices(AppIds.Notifier)] ISecretStore secrets)
{
    public const string SecretName = "notifier-data-key";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = "gamesdrop notifier payload"u8.ToArray();
    private byte[]? _key;

    public async Task<byte[]> SealAsync(string payload, CancellationToken ct)
    {
        var key = await KeyAsync(ct);
        var plaintext = Encoding.UTF8.GetBytes(payload);
        var sealedPayload = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedPayload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedPayload.AsSpan(NonceSize, plaintext.Length), sealedPayload.AsSpan(NonceSize + plaintext.Length), Purpose);
        return sealedPayload;
    }

    public async Task<string> OpenAsync(byte[] sealedPayload, CancellationToken ct)
    {
        var key = await KeyAsync(ct);
        var plaintext = new byte[sealedPayload.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedPayload.AsSpan(0, NonceSize), sealedPayload.AsSpan(NonceSize, plaintext.Length),
            sealedPayload.AsSpan(NonceSize + plaintext.Length), plaintext, Purpose);
        return Encoding.UTF8.GetString(plaintext);
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (_key is { } key)
        {
            return key;
        }
        var encoded = await secrets.GetAsync(SecretName, ct)
            ?? throw new InvalidOperationException($"Secret {SecretName} is not set (secret store, or Secrets:{SecretName} when Embedded).");
        var material = new byte[32];
        if (!Convert.TryFromBase64String(encoded.Trim(), material, out var length) || length != material.Length)
        {
            throw new InvalidOperationException($"Secret {SecretName} is not 32 bytes in base64.");
        }
        return _key = material;
    }
}
