using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GamesDrop.Kernel.Features.Offers;

/// <summary>A supplier listing reduced to the product it sells.</summary>
/// <param name="Title">The supplier's title without the trailing platform, region, edition and "key" words, as written.</param>
/// <param name="MatchKey">normalised title | platform | region | edition: listings with the same key are the same product.</param>
internal sealed record MatchedListing(string Title, string Platform, string Region, string Edition, string MatchKey, string Slug);

/// <summary>
/// The product matching rule. Platform, region and edition are canonicalised from their fields (unknown values
/// kept, tidied). The title is lowercased, stripped of accents and punctuation ("&amp;" reads "and", apostrophes
/// vanish), then words that name no game are cut from its end only: "key", platform, region and edition words, and
/// any spelling of the listing's own platform and region (an edition found there counts when the edition field
/// says Standard). Cutting only at the end keeps names like
/// "Counter-Strike: Global Offensive" whole; a title is never cut to nothing.
/// </summary>
internal static partial class ListingMatcher
{
    private const int LongestPhrase = 5;

    public static MatchedListing Match(string title, string platform, string region, string edition)
    {
        var words = Words(title);
        var (canonicalPlatform, canonicalRegion, canonicalEdition, ownWords) = FieldsOf(platform, region, edition);
        var titleEdition = StripTrailingNoise(words, ownWords);
        if (canonicalEdition == ListingVocabulary.StandardEdition && titleEdition is not null)
        {
            canonicalEdition = titleEdition;
        }
        var normalTitle = string.Join(' ', words.Select(w => w.Normal));
        var display = words.Count == 0 ? title.Trim() : title[..(words[^1].End)].Trim();
        var matchKey = string.Join('|', normalTitle, canonicalPlatform, canonicalRegion, canonicalEdition).ToLowerInvariant();
        var slugParts = new List<string> { normalTitle, canonicalPlatform, canonicalRegion };
        if (canonicalEdition != ListingVocabulary.StandardEdition)
        {
            slugParts.Add(canonicalEdition);
        }
        var slug = string.Join('-', slugParts.SelectMany(part => Words(part)).Select(w => w.Normal));
        return new MatchedListing(display, canonicalPlatform, canonicalRegion, canonicalEdition, matchKey, slug);
    }

    /// <summary>
    /// A catalog repeats a few platform, region and edition spellings across all its listings: what they canonicalise
    /// to, and the words they cut from a title's end, are worked out once per spelling. Bounded, so odd spellings a
    /// supplier sends cannot grow it without end.
    /// </summary>
    private static ListingFields FieldsOf(string platform, string region, string edition)
    {
        if (Fields.TryGetValue((platform, region, edition), out var known))
        {
            return known;
        }
        var canonicalPlatform = CanonicalPlatform(platform);
        var canonicalRegion = CanonicalRegion(region);
        var fields = new ListingFields(canonicalPlatform, canonicalRegion, CanonicalEdition(edition),
            OwnWords(platform, canonicalPlatform, ListingVocabulary.Platforms).Concat(OwnWords(region, canonicalRegion, ListingVocabulary.Regions)).ToHashSet());
        if (Fields.Count < MaxKnownFields)
        {
            Fields.TryAdd((platform, region, edition), fields);
        }
        return fields;
    }

    private const int MaxKnownFields = 10_000;
    private static readonly ConcurrentDictionary<(string Platform, string Region, string Edition), ListingFields> Fields = new();

    private sealed record ListingFields(string Platform, string Region, string Edition, IReadOnlySet<string> OwnWords);

    /// <summary>Lowercase, accents and apostrophes removed: how titles and filters are compared.</summary>
    public static string Normalise(string text) => string.Join(' ', Words(text).Select(w => w.Normal));

    public static string CanonicalPlatform(string platform) => Canonical(platform, ListingVocabulary.Platforms, TitleCase);

    public static string CanonicalRegion(string region) => Canonical(region, ListingVocabulary.Regions, s => s.ToUpperInvariant());

    private static string CanonicalEdition(string edition)
    {
        var words = Words(edition);
        if (words.Count > 1 && words[^1].Normal == "edition")
        {
            words.RemoveAt(words.Count - 1);
        }
        var normal = string.Join(' ', words.Select(w => w.Normal));
        return normal.Length == 0 ? ListingVocabulary.StandardEdition
            : ListingVocabulary.Editions.TryGetValue(normal, out var canonical) ? canonical : TitleCase(edition.Trim());
    }

    /// <summary>
    /// Every spelling of the listing's own platform and region: at the end of its title they are noise even where
    /// they could end a game's name elsewhere ("… Key UK", "… PS5 CD Key NA"), since the fields say what they are.
    /// </summary>
    private static IEnumerable<string> OwnWords(string raw, string canonical, IReadOnlyDictionary<string, string> spellings) =>
        spellings.Where(s => s.Value == canonical).Select(s => s.Key).Append(Normalise(raw));

    /// <summary>Cuts listing words off the end; returns the canonical edition if one was cut.</summary>
    private static string? StripTrailingNoise(List<Word> words, IReadOnlySet<string> ownWords)
    {
        string? edition = null;
        var cut = true;
        while (cut && words.Count > 1)
        {
            cut = false;
            for (var n = Math.Min(LongestPhrase, words.Count - 1); n >= 1 && !cut; n--)
            {
                var phrase = Phrase(words, n);
                var editionPhrase = phrase.EndsWith(" edition", StringComparison.Ordinal) ? phrase[..^" edition".Length] : null;
                if (ListingVocabulary.TitleNoise.Contains(phrase) || ownWords.Contains(phrase))
                {
                    cut = true;
                }
                else if (ListingVocabulary.TitleEditions.Contains(phrase)
                    || (editionPhrase is not null && ListingVocabulary.Editions.ContainsKey(editionPhrase)))
                {
                    edition ??= ListingVocabulary.Editions[editionPhrase ?? phrase];
                    cut = true;
                }
                if (cut)
                {
                    words.RemoveRange(words.Count - n, n);
                }
            }
        }
        return edition;
    }

    // The last n words, as one phrase.
    private static string Phrase(List<Word> words, int n)
    {
        if (n == 1)
        {
            return words[^1].Normal;
        }
        var last = new string[n];
        for (var i = 0; i < n; i++)
        {
            last[i] = words[words.Count - n + i].Normal;
        }
        return string.Join(' ', last);
    }

    private static string Canonical(string value, IReadOnlyDictionary<string, string> spellings, Func<string, string> tidy)
    {
        var normal = Normalise(value);
        return spellings.TryGetValue(normal, out var canonical) ? canonical : tidy(value.Trim());
    }

    private static string TitleCase(string value) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant());

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            words.Add(new Word(NormalWord(text.Substring(match.Index, match.Length)), match.Index + match.Length));
        }
        return words;
    }

    private static string NormalWord(string word)
    {
        if (word == "&")
        {
            return "and";
        }
        var lower = word.ToLowerInvariant();
        // Most words are plain letters and digits already: only the others are rebuilt.
        if (!lower.AsSpan().ContainsAnyExcept(PlainWordChars))
        {
            return lower;
        }
        var normal = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (c is '\'' or '’')
            {
                continue;
            }
            if (Unaccented.TryGetValue(c, out var plain))
            {
                normal.Append(plain);
            }
            else
            {
                normal.Append(c);
            }
        }
        return normal.ToString();
    }

    private static readonly SearchValues<char> PlainWordChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    // Folded by table: string.Normalize is unavailable under InvariantGlobalization. Covers the Latin letters
    // game titles use, as PostgreSQL's unaccent does.
    private static readonly Dictionary<char, string> Unaccented = new (string Plain, string Accented)[]
    {
        ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđð"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"),
        ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"),
        ("s", "śŝşš"), ("t", "ţťŧ"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ("ae", "æ"), ("oe", "œ"), ("ss", "ß"), ("th", "þ"),
    }.SelectMany(f => f.Accented.Select(c => (c, f.Plain))).ToDictionary(p => p.c, p => p.Plain);

    private readonly record struct Word(string Normal, int End);

    // A word is letters and digits, apostrophes inside it included ("Assassin's"); "&" stands for "and".
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|&")]
    private static partial Regex WordPattern();
}
