using System.Security.Cryptography;

namespace GamesDrop.Sandbox.Catalog;

/// <summary>Fresh activation codes shaped like the platform's own, so receipts and vault screens look plausible.</summary>
internal static class KeyCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string For(Platform platform)
    {
        var groups = platform.Code switch
        {
            "xbx" => new[] { 5, 5, 5, 5, 5 },
            "nsw" or "bnt" => [4, 4, 4, 4],
            "psn" => [4, 4, 4],
            _ => [5, 5, 5],
        };
        return string.Join('-', groups.Select(n => RandomNumberGenerator.GetString(Alphabet, n)));
    }
}
