namespace GamesDrop.Sandbox.Catalog;

/// <summary>Unique game titles from the word lists: series, sequel number, sometimes a subtitle.</summary>
internal sealed class TitleGenerator
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Next(SeededRandom rng)
    {
        var title = Compose(rng);
        // About a million combinations: a clash is rare, and a numbered remake settles it for huge catalogs.
        for (var attempt = 0; !_used.Add(title); attempt++)
        {
            title = attempt < 10 ? Compose(rng) : $"{Compose(rng)} Remake {attempt}";
        }
        return title;
    }

    private static string Compose(SeededRandom rng)
    {
        var series = rng.Next(3) switch
        {
            0 => $"{rng.Pick(WordLists.Adjectives)} {rng.Pick(WordLists.Nouns)}",
            1 => $"{rng.Pick(WordLists.Nouns)} of {rng.Pick(WordLists.Places)}",
            _ => $"The {rng.Pick(WordLists.Adjectives)} {rng.Pick(WordLists.Nouns)}",
        };
        var number = rng.Pick(WordLists.Numbers);
        var title = number.Length == 0 ? series : $"{series} {number}";
        return rng.Chance(0.35) ? $"{title}: {rng.Pick(WordLists.Subtitles)}" : title;
    }
}
