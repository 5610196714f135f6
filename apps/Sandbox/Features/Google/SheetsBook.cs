using System.Collections.Concurrent;
using System.Text.Json;

namespace GamesDrop.Sandbox.Features.Google;

/// <summary>The rows appended to each spreadsheet, in order, as the sheet would hold them.</summary>
internal sealed class SheetsBook
{
    private readonly ConcurrentDictionary<string, List<AppendedRow>> _sheets = new();

    public int Append(string spreadsheetId, string range, IReadOnlyList<IReadOnlyList<JsonElement>> rows)
    {
        var sheet = _sheets.GetOrAdd(spreadsheetId, _ => []);
        lock (sheet)
        {
            sheet.AddRange(rows.Select(r => new AppendedRow(range, r)));
            return sheet.Count;
        }
    }

    public IReadOnlyList<AppendedRow> Rows(string spreadsheetId)
    {
        var sheet = _sheets.GetValueOrDefault(spreadsheetId) ?? [];
        lock (sheet)
        {
            return sheet.ToList();
        }
    }
}

internal sealed record AppendedRow(string Range, IReadOnlyList<JsonElement> Values);
