using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>
/// Password hashing by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512 at OWASP's
/// <see cref="Iterations"/>, versioned: a hash made with fewer is replaced at the next sign-in), and the
/// one-time mailed tokens (password reset, email verification), which are random and stored only as their SHA-256.
/// </summary>
public sealed class Passwords
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>Wrong passwords in a row from one client before that client is paused for <see cref="PauseFor"/> on that account.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan PauseFor = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ResetTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>OWASP's Password Storage Cheat Sheet count for PBKDF2-HMAC-SHA512 (Identity's default is 100,000).</summary>
    public const int Iterations = 210_000;

    private readonly PasswordHasher<Passwords> _hasher = new(Options.Create(new PasswordHasherOptions { IterationCount = Iterations }));

    // Unknown emails are checked against this, so they cost as long as known ones and timing tells nothing.
    private readonly string _decoy;

    public Passwords() => _decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public string Hash(string password) => _hasher.HashPassword(this, password);

    /// <summary>Whether <paramref name="password"/> matches, and the new hash to store when the stored one is outdated.</summary>
    public (bool Matches, string? Rehashed) Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(this, hash, password) switch
        {
            PasswordVerificationResult.Success => (true, null),
            PasswordVerificationResult.SuccessRehashNeeded => (true, Hash(password)),
            _ => (false, null),
        };

    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(this, _decoy, password);

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] TokenHash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
