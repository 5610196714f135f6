using System.Security.Cryptography;
using System.Text;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>Name-based UUIDs (RFC 4122 version 5): the same name gives the same id on every replay.</summary>
internal static class DeterministicGuid
{
    private static readonly Guid Namespace = new("9e0bd6a4-51c5-4f0b-9a63-6a2f1c0e7d3b");

    public static Guid Create(string name)
    {
        var hash = SHA1.HashData([.. Namespace.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(name)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
