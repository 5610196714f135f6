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

    /// <summary>The kinds of query, each with its share of the mix (percent) and how one is drawn from a title.</summary>
    public static readonly (string Kind, int Share, Func<Random, string, string[], string> Draw)[] Kinds =
    [
        ("whole title", 30, (_, title, _) => Q(title)),
        ("unfinished word", 15, (_, _, words) => Q($"{words[0]} {words[1][..Math.Max(3, words[1].Length / 2)]}")),
        ("typo", 15, (random, _, words) => Q(Typo(random, $"{words[0]} {words[1]}"))),
        ("one word, sorted", 10, (random, _, words) => Q(words[1]) + "&sort=" + Sorts[random.Next(Sorts.Length)]),
        // Browsing picks a price band the facets offer, not arbitrary amounts.
        ("browse filters", 10, (random, _, _) => $"platform={Platforms[random.Next(2)]}&genre={CatalogGenerator.Genres[random.Next(CatalogGenerator.Genres.Length)]}"
                    + $"&{Bands[random.Next(Bands.Length)]}&sort={Sorts[random.Next(Sorts.Length)]}"),
        ("word, filters, page", 10, (random, _, words) => Q(words[0]) + $"&platform={Platforms[random.Next(2)]}&inStock=true&page={1 + random.Next(3)}"),
        ("word, region, 48", 10, (_, _, words) => Q(words[1]) + "&region=EU&sort=newest&pageSize=48"),
    ];

    public static (string Kind, string Query) Next(Random random, int titles) => Draw(random, titles, PickKind(random));

    /// <summary>A query of one kind (an index into <see cref="Kinds"/>), named by its kind.</summary>
    public static (string Kind, string Query) Draw(Random random, int titles, int kind)
    {
        var title = CatalogGenerator.Title(random.Next(titles));
        return (Kinds[kind].Kind, Kinds[kind].Draw(random, title, title.Replace(":", "").Split(' ')));
    }

    private static int PickKind(Random random)
    {
        var roll = random.Next(100);
        var kind = 0;
        while (roll >= Kinds[kind].Share)
        {
            roll -= Kinds[kind++].Share;
        }
        return kind;
    }

    /// <summary>
    /// The queries of a relevance table (tests/Kernel.Tests/Features/Search/relevance.tsv: tab-separated, '#'
    /// comments, a header naming a <c>query</c> column), drawn at random.
    /// </summary>
    public static Func<Random, (string Kind, string Query)> FromTable(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var column = Array.IndexOf(lines[0], "query");
        if (column < 0)
        {
            throw new InvalidDataException($"{path} has no query column.");
        }
        var queries = lines.Skip(1).Select(cells => Q(cells[column])).ToArray();
        return random => ("table", queries[random.Next(queries.Length)]);
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
