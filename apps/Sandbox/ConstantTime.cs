using System.Security.Cryptography;
using System.Text;

namespace GamesDrop.Sandbox;

internal static class ConstantTime
{
    /// <summary>Compares a presented credential without leaking, through response times, how much of it was right.</summary>
    public static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
