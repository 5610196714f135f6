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
        var fields = FieldsOf(platform, region, edition);
        var titleEdition = StripTrailingNoise(words, fields);
        var canonicalEdition = fields.Edition == ListingVocabulary.StandardEdition && titleEdition is not null ? titleEdition : fields.Edition;
        var normalTitle = JoinNormal(words, ' ');
        var display = words.Count == 0 ? title.Trim() : title[..(words[^1].End)].Trim();
        var matchKey = string.Join('|', normalTitle, fields.Platform, fields.Region, canonicalEdition).ToLowerInvariant();
        // The title's words (already normal), then those of the platform, region and any edition but Standard.
        var slug = Hyphenated(JoinNormal(words, '-'), fields.PlatformRegionSlug,
            canonicalEdition == ListingVocabulary.StandardEdition ? "" : Known(EditionSlugs, canonicalEdition, SlugOf));
        return new MatchedListing(display, fields.Platform, fields.Region, canonicalEdition, matchKey, slug);
    }

    /// <summary>
    /// A catalog repeats a few platform, region and edition spellings across all its listings: what they canonicalise
    /// to, and the words they cut from a title's end, are worked out once per spelling. Bounded, so odd spellings a
    /// supplier sends cannot grow it without end.
    /// </summary>
    private static ListingFields FieldsOf(string platform, string region, string edition) =>
        Known(Fields, (platform, region, edition), static key =>
        {
            var (platform, region, edition) = key;
            var canonicalPlatform = CanonicalPlatform(platform);
            var canonicalRegion = CanonicalRegion(region);
            var ownWords = OwnWords(platform, canonicalPlatform, ListingVocabulary.Platforms)
                .Concat(OwnWords(region, canonicalRegion, ListingVocabulary.Regions)).ToHashSet();
            return new ListingFields(canonicalPlatform, canonicalRegion, CanonicalEdition(edition),
                ownWords.GetAlternateLookup<ReadOnlySpan<char>>(), ownWords.Select(LastWord).ToHashSet(),
                Hyphenated(SlugOf(canonicalPlatform), SlugOf(canonicalRegion)));
        });

    private const int MaxKnown = 10_000;
    private static readonly ConcurrentDictionary<(string Platform, string Region, string Edition), ListingFields> Fields = new();
    // The slug's words of an edition, by its canonical name.
    private static readonly ConcurrentDictionary<string, string> EditionSlugs = new();

    private static TValue Known<TKey, TValue>(ConcurrentDictionary<TKey, TValue> known, TKey key, Func<TKey, TValue> make) where TKey : notnull
    {
        if (known.TryGetValue(key, out var value))
        {
            return value;
        }
        value = make(key);
        if (known.Count < MaxKnown)
        {
            known.TryAdd(key, value);
        }
        return value;
    }

    /// <param name="OwnWords">Every spelling of the listing's platform and region (<see cref="OwnWords(string, string, IReadOnlyDictionary{string, string})"/>).</param>
    /// <param name="OwnWordEnds">The last word of each, for <see cref="StripTrailingNoise"/>.</param>
    /// <param name="PlatformRegionSlug">The slug's words of the canonical platform and region.</param>
    private sealed record ListingFields(
        string Platform, string Region, string Edition, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OwnWords,
        IReadOnlySet<string> OwnWordEnds, string PlatformRegionSlug);

    /// <summary>Lowercase, accents and apostrophes removed: how titles and filters are compared.</summary>
    public static string Normalise(string text) => JoinNormal(Words(text), ' ');

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

    /// <summary>
    /// Cuts listing words off the end; returns the canonical edition if one was cut. Every phrase it looks for ends with
    /// the title's last word, so a last word that ends none stops it; phrases are compared as spans of a buffer, not
    /// made into strings (a full sync matches 80,000 listings, most ending with several such words).
    /// </summary>
    private static string? StripTrailingNoise(List<Word> words, ListingFields fields)
    {
        string? edition = null;
        Span<char> buffer = stackalloc char[PhraseBuffer];
        var cut = true;
        while (cut && words.Count > 1 && (PhraseEnds.Contains(words[^1].Normal) || fields.OwnWordEnds.Contains(words[^1].Normal)))
        {
            cut = false;
            for (var n = Math.Min(LongestPhrase, words.Count - 1); n >= 1 && !cut; n--)
            {
                var phrase = Phrase(words, n, buffer);
                var editionPhrase = phrase.EndsWith(" edition", StringComparison.Ordinal) ? phrase[..^" edition".Length] : default;
                if (Noise.Contains(phrase) || fields.OwnWords.Contains(phrase))
                {
                    cut = true;
                }
                else if (TitleEditions.Contains(phrase) || (!editionPhrase.IsEmpty && Editions.ContainsKey(editionPhrase)))
                {
                    edition ??= Editions[editionPhrase.IsEmpty ? phrase : editionPhrase];
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

    // The last n words, as one phrase: in the buffer when it fits, which every phrase looked for but a long spelling of
    // the listing's own platform or region does.
    private static ReadOnlySpan<char> Phrase(List<Word> words, int n, Span<char> buffer)
    {
        var length = n - 1;
        for (var i = words.Count - n; i < words.Count; i++)
        {
            length += words[i].Normal.Length;
        }
        var phrase = length <= buffer.Length ? buffer[..length] : new char[length];
        var at = 0;
        for (var i = words.Count - n; i < words.Count; i++)
        {
            if (at > 0)
            {
                phrase[at++] = ' ';
            }
            words[i].Normal.CopyTo(phrase[at..]);
            at += words[i].Normal.Length;
        }
        return phrase;
    }

    private const int PhraseBuffer = 128;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Noise = new HashSet<string>(ListingVocabulary.TitleNoise).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleEditions = new HashSet<string>(ListingVocabulary.TitleEditions).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Editions = new Dictionary<string, string>(ListingVocabulary.Editions).GetAlternateLookup<ReadOnlySpan<char>>();

    // The last word of every phrase looked for but the listing's own (an edition spelling is looked for with " edition" too).
    private static readonly HashSet<string> PhraseEnds =
        [.. ListingVocabulary.TitleNoise.Concat(ListingVocabulary.TitleEditions).Concat(ListingVocabulary.Editions.Keys).Append("edition").Select(LastWord)];

    private static string LastWord(string phrase) => phrase[(phrase.LastIndexOf(' ') + 1)..];

    private static string JoinNormal(List<Word> words, char separator)
    {
        var normal = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            normal[i] = words[i].Normal;
        }
        return string.Join(separator, normal);
    }

    private static string SlugOf(string value) => JoinNormal(Words(value), '-');

    // Slug parts, the empty ones left out.
    private static string Hyphenated(params string[] parts) => string.Join('-', parts.Where(part => part.Length > 0));

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
            words.Add(new Word(NormalWord(text.AsSpan(match.Index, match.Length)), match.Index + match.Length));
        }
        return words;
    }

    private static string NormalWord(ReadOnlySpan<char> word)
    {
        if (word is "&")
        {
            return "and";
        }
        Span<char> lower = word.Length <= PhraseBuffer ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        // Most words are plain letters and digits already: only the others are rebuilt.
        if (!lower.ContainsAnyExcept(PlainWordChars))
        {
            return new string(lower);
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
