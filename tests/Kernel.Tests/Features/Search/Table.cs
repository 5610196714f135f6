namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>Tab-separated tables beside the tests: '#' lines are comments, the first other line names the columns.</summary>
internal static class Table
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string name)
    {
        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Features", "Search", name))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        return [.. lines.Skip(1).Select(cells => lines[0].Select((column, i) => (column, cell: i < cells.Length ? cells[i] : ""))
            .ToDictionary(c => c.column, c => c.cell))];
    }
}
