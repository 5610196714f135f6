namespace GamesDrop.Benchmarks;

/// <summary>
/// What shoppers type, drawn from the generated titles: whole titles, unfinished words, typos, single words with
/// a sort, filtered browsing without words, and words with filters and later pages.
/// </summary>
internal static class SearchQueries
{
    private static readonly string[] Platforms = ["Steam", "Xbox"];
    private static readonly string[] Sorts = ["price_asc", "price_desc", "newest", "bestselling"];
    private static readonly string[] Bands = ["maxPrice=10", "minPrice=10&maxPrice=20", "minPrice=20&maxPrice=40", "minPrice=40&maxPrice=70", "minPrice=70"];

    public static string Next(Random random, int titles)
    {
        var title = CatalogGenerator.Title(random.Next(titles));
        var words = title.Replace(":", "").Split(' ');
        return random.Next(100) switch
        {
            < 30 => Q(title),
            < 45 => Q($"{words[0]} {words[1][..Math.Max(3, words[1].Length / 2)]}"),
            < 60 => Q(Typo(random, $"{words[0]} {words[1]}")),
            < 70 => Q(words[1]) + "&sort=" + Sorts[random.Next(Sorts.Length)],
            // Browsing picks a price band the facets offer, not arbitrary amounts.
            < 80 => $"platform={Platforms[random.Next(2)]}&genre={CatalogGenerator.Genres[random.Next(CatalogGenerator.Genres.Length)]}"
                    + $"&{Bands[random.Next(Bands.Length)]}&sort={Sorts[random.Next(Sorts.Length)]}",
            < 90 => Q(words[0]) + $"&platform={Platforms[random.Next(2)]}&inStock=true&page={1 + random.Next(3)}",
            _ => Q(words[1]) + "&region=EU&sort=newest&pageSize=48",
        };
    }

    /// <summary>
    /// The queries of a relevance table (tests/Kernel.Tests/Features/Search/relevance.tsv: tab-separated, '#'
    /// comments, a header naming a <c>query</c> column), drawn at random.
    /// </summary>
    public static Func<Random, string> FromTable(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var column = Array.IndexOf(lines[0], "query");
        if (column < 0)
        {
            throw new InvalidDataException($"{path} has no query column.");
        }
        var queries = lines.Skip(1).Select(cells => Q(cells[column])).ToArray();
        return random => queries[random.Next(queries.Length)];
    }

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    // One letter replaced, away from the first, as fingers slip.
    private static string Typo(Random random, string text)
    {
        var chars = text.ToCharArray();
        var at = 1 + random.Next(chars.Length - 1);
        if (chars[at] != ' ')
        {
            chars[at] = (char)('a' + random.Next(26));
        }
        return new string(chars);
    }
}
