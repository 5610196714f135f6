using System.Text;
using GamesDrop.Contracts.Admin;

namespace GamesDrop.Kernel.Features.Inventory;

/// <summary>One data row of a stock CSV: where it starts, its product cell, its key, or why it is malformed.</summary>
internal sealed record StockCsvRow(int Line, string Product, string Key, string? Problem);

/// <summary>
/// Reads a stock CSV (RFC 4180: commas, double-quoted fields with "" inside, LF or CRLF) written by a spreadsheet or by
/// hand. Whole-file faults (size, charset, header, an unclosed quote) refuse the file; a bad row is reported and skipped.
/// </summary>
internal static class StockCsv
{
    public const int MaxBytes = StockUpload.MaxBytes;
    public const int MaxRows = 5000;
    public const string Header = "product,key";
    private const int MinKeyLength = 4;
    private const int MaxKeyLength = 200;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The data rows, or the reason the file as a whole cannot be read.</summary>
    public static (IReadOnlyList<StockCsvRow> Rows, string? Error) Parse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return ([], "The file is empty.");
        }
        if (bytes.Length > MaxBytes)
        {
            return ([], $"The file is larger than {MaxBytes / 1024} KiB; split it.");
        }
        // Spreadsheets save "Unicode text" as UTF-16 with a BOM; say what to do instead of reading it as garbage.
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return ([], "The file is UTF-16; save it as CSV UTF-8.");
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ([], "The file is not UTF-8 text; save it as CSV UTF-8.");
        }
        var records = Records(text.TrimStart('\uFEFF'));
        if (records.Error is not null)
        {
            return ([], records.Error);
        }
        var all = records.Rows;
        if (all.Count == 0 || !string.Equals(string.Join(",", all[0].Fields.Select(f => f.Trim())), Header, StringComparison.OrdinalIgnoreCase))
        {
            return ([], $"The first line must be the header \"{Header}\".");
        }
        var data = all.Skip(1).Where(r => r.Fields is not [""]).ToList();
        if (data.Count == 0)
        {
            return ([], "The file has a header but no rows.");
        }
        if (data.Count > MaxRows)
        {
            return ([], $"The file has {data.Count} rows, more than {MaxRows}; split it.");
        }
        return (data.Select(Row).ToList(), null);
    }

    private static StockCsvRow Row((int Line, List<string> Fields, bool StrayQuote) record)
    {
        var (line, fields, strayQuote) = record;
        var product = fields[0].Trim();
        if (fields.Count != 2)
        {
            return new(line, product, "", $"{fields.Count} fields; a row is a product and a key.");
        }
        var key = fields[1].Trim();
        var problem = strayQuote ? "A quote inside an unquoted field; quote the whole field."
            : fields.Any(f => f.Any(char.IsControl)) ? "Control characters (such as NUL or a line break inside quotes)."
            : product.Length == 0 ? "No product."
            : key.Any(c => c > '\x7E') ? "The key has characters outside ASCII."
            : key.Length is < MinKeyLength or > MaxKeyLength ? $"The key must be {MinKeyLength} to {MaxKeyLength} characters."
            : key.Any(c => c <= ' ') ? "The key has spaces."
            : null;
        return new(line, product, problem is null ? key : "", problem);
    }

    private static (List<(int Line, List<string> Fields, bool StrayQuote)> Rows, string? Error) Records(string text)
    {
        var rows = new List<(int, List<string>, bool)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1;
        bool quoted = false, wasQuoted = false, stray = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    rows.Add((start, fields, stray));
                    (fields, field, wasQuoted, stray) = (new List<string>(), new StringBuilder(), false, false);
                    start = ++line;
                    break;
                default:
                    // Text after a closing quote, or a quote inside an unquoted field: the row is malformed, not the file.
                    stray |= c == '"' || wasQuoted;
                    field.Append(c);
                    break;
            }
            if (rows.Count > MaxRows + 1)
            {
                return (rows, $"The file has more than {MaxRows} rows; split it.");
            }
        }
        if (quoted)
        {
            return (rows, $"Line {start} opens a quote that is never closed.");
        }
        if (field.Length > 0 || fields.Count > 0 || wasQuoted)
        {
            fields.Add(field.ToString());
            rows.Add((start, fields, stray));
        }
        return (rows, null);
    }

    /// <summary>
    /// A cell as the report shows it: control characters replaced and length capped, and a leading = + - @ (a formula to
    /// a spreadsheet the report is pasted into) escaped with a quote.
    /// </summary>
    public static string Inert(string cell)
    {
        var shown = new string(cell.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length > 0 && shown[0] is '=' or '+' or '-' or '@' ? "'" + shown : shown;
    }
}
