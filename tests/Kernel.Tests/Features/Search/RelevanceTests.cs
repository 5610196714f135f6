using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Search;

namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>relevance.tsv: each query puts the expected result first, as the ranking rules in SearchSql say.</summary>
public sealed class RelevanceTests(RelevanceFixture catalog) : IClassFixture<RelevanceFixture>, IDisposable
{
    private readonly HttpClient _client = catalog.App.InternalClient();

    public void Dispose() => _client.Dispose();

    public static TheoryData<string, string, string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string, string, string>();
        foreach (var row in Table.Read("relevance.tsv"))
        {
            rows.Add(row["rule"], row["query"], row["first"], row["variant"], row["suggestion"]);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_expected_result_comes_first(string rule, string query, string first, string variant, string suggestion)
    {
        var result = (await _client.GetFromJsonAsync<SearchResult>("/kernel/catalog/search?q=" + Uri.EscapeDataString(query)))!;

        result.Items.Should().NotBeEmpty($"\"{query}\" ({rule}) finds {first}");
        result.Items[0].Title.Should().Be(first, $"\"{query}\" ranks by {rule}; it found {string.Join(" | ", result.Items.Take(5).Select(i => i.Title))}");
        if (variant.Length > 0)
        {
            $"{result.Items[0].Platform}/{result.Items[0].Region}/{result.Items[0].Edition}".Should().Be(variant);
        }
        result.Suggestion.Should().Be(suggestion.Length > 0 ? suggestion : null);
    }
}
