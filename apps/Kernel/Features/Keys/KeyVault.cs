using System.Security.Cryptography;
using System.Text;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Kernel.Features.Keys;

/// <summary>
/// Seals game keys with AES-256-GCM under the data key in secret <c>key-vault-key</c> (32 bytes, base64). Each
/// ciphertext names its data key by id, so after a rotation rows sealed under the old key (secret
/// <c>key-vault-key-previous</c>) still open. Fingerprints are HMAC-SHA256 under a key derived from the data key: equal
/// keys collide without the table holding anything that confirms a guessed key.
/// </summary>
public sealed class KeyVault([FromKeyedServices(AppIds.Kernel)] ISecretStore secrets)
{
    public const string SecretName = "key-vault-key";
    public const string PreviousSecretName = "key-vault-key-previous";
    public const int MaxKeyLength = 2000;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] FingerprintLabel = "gamesdrop key fingerprint"u8.ToArray();

    private readonly SemaphoreSlim _loading = new(1, 1);
    private DataKey? _current;

    public async Task<SealedKey> SealAsync(string value, CancellationToken ct)
    {
        var key = await CurrentAsync(ct);
        var plaintext = Encoding.UTF8.GetBytes(value);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length + TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), key.AssociatedData);
        return new SealedKey(ciphertext, nonce, key.Id, Fingerprint(key, value));
    }

    /// <summary>The fingerprint <see cref="SealAsync"/> stores for <paramref name="value"/>, to find a duplicate without sealing it.</summary>
    public async Task<byte[]> FingerprintAsync(string value, CancellationToken ct) => Fingerprint(await CurrentAsync(ct), value);

    private static byte[] Fingerprint(DataKey key, string value) => HMACSHA256.HashData(key.FingerprintKey, Encoding.UTF8.GetBytes(value.Trim()));

    public async Task<string> OpenAsync(byte[] ciphertext, byte[] nonce, string keyId, CancellationToken ct)
    {
        var key = await CurrentAsync(ct);
        if (key.Id != keyId)
        {
            key = await LoadAsync(PreviousSecretName, ct) is { } previous && previous.Id == keyId
                ? previous
                : throw new KeyVaultUnavailableException($"No data key with id {keyId}; set secret {PreviousSecretName} to the key rotated out.");
        }
        var plaintext = new byte[ciphertext.Length - TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Decrypt(nonce, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), plaintext, key.AssociatedData);
        return Encoding.UTF8.GetString(plaintext);
    }

    private async Task<DataKey> CurrentAsync(CancellationToken ct)
    {
        if (_current is { } cached)
        {
            return cached;
        }
        await _loading.WaitAsync(ct);
        try
        {
            // An unset secret is not remembered: once it is set, the next call finds it.
            return _current ??= await LoadAsync(SecretName, ct)
                ?? throw new KeyVaultUnavailableException($"Secret {SecretName} is not set (secret store, or Secrets:{SecretName} when Embedded).");
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<DataKey?> LoadAsync(string secret, CancellationToken ct)
    {
        string encoded;
        try
        {
            encoded = await secrets.GetAsync(secret, ct);
        }
        catch (SecretUnavailableException)
        {
            return null;
        }
        var material = new byte[32];
        if (!Convert.TryFromBase64String(encoded.Trim(), material, out var length) || length != material.Length)
        {
            throw new KeyVaultUnavailableException($"Secret {secret} is not 32 bytes in base64.");
        }
        // The id is a digest of the key, safe to store: it tells which key sealed a row and nothing about the key.
        var id = Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 8));
        return new DataKey(id, material, HMACSHA256.HashData(material, FingerprintLabel), Encoding.ASCII.GetBytes(id));
    }

    private sealed record DataKey(string Id, byte[] Material, byte[] FingerprintKey, byte[] AssociatedData);
}

/// <summary>A key as the vault stores it; the fingerprint finds duplicates.</summary>
public sealed record SealedKey(byte[] Ciphertext, byte[] Nonce, string KeyId, byte[] Fingerprint);

/// <summary>The vault cannot seal or open keys until its secret is set right; a 503, the message names only the secret.</summary>
public sealed class KeyVaultUnavailableException(string message) : Exception(message);
