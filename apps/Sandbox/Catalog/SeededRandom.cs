namespace GamesDrop.Sandbox.Catalog;

/// <summary>
/// SplitMix64: tiny, fast and fixed by its algorithm, so a seed gives the same catalog on every .NET version
/// (System.Random promises no such thing across versions).
/// </summary>
internal sealed class SeededRandom(ulong state)
{
    private ulong _state = state;

    public static SeededRandom For(int seed, long stream) =>
        new(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xD1B54A32D192ED03UL));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="max"/>.</summary>
    public int Next(int max) => (int)(NextUInt64() % (ulong)max);

    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by weight, so most keys are region free and standard edition, as on the real shelves.</summary>
    public T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var roll = NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }
        return items[^1];
    }

    /// <summary>24 lowercase hex digits, the shape of Kinguin's productId and offerId.</summary>
    public string NextObjectId() => NextUInt64().ToString("x16") + ((uint)NextUInt64()).ToString("x8");
}
