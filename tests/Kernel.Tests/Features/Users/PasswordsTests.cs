using System.Buffers.Binary;
using GamesDrop.Kernel.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GamesDrop.Kernel.Tests.Features.Users;

public sealed class PasswordsTests
{
    // Identity's v3 format: 0x01, PRF, iteration count (big-endian), salt length, salt, subkey.
    private static int IterationsOf(string hash) => BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    [Fact]
    public void New_hashes_use_OWASPs_iteration_count_and_an_older_hash_is_replaced_when_it_matches()
    {
        var passwords = new Passwords();
        var older = new PasswordHasher<Passwords>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(passwords, "correct horse");

        var (matches, rehashed) = passwords.Verify(older, "correct horse");
        var (wrong, notRehashed) = passwords.Verify(older, "wrong horse");

        IterationsOf(passwords.Hash("correct horse")).Should().Be(210_000);
        (matches, wrong, notRehashed).Should().Be((true, false, (string?)null));
        IterationsOf(rehashed!).Should().Be(210_000);
        passwords.Verify(rehashed!, "correct horse").Should().Be((true, (string?)null));
    }
}
