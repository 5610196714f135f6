using System.Text;
using GamesDrop.Kernel.Features.Inventory;

namespace GamesDrop.Kernel.Tests.Features.Inventory;

public sealed class StockCsvTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "empty", [], "empty" },
        { "UTF-16 with its BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("product,key\n")], "UTF-16" },
        { "Latin-1", [.. Utf8("product,key\nelden,"), 0xE9, 0x0A], "not UTF-8" },
        { "no header", Utf8("elden,AAAA-1\n"), "header" },
        { "only a header", Utf8("product,key\r\n\r\n"), "no rows" },
        { "an unclosed quote", Utf8("product,key\nelden,AAAA-1\n\"elden,AAAA-2\nhades,AAAA-3\n"), "Line 3 opens a quote" },
        { "too large", Utf8("product,key\n" + new string('x', StockCsv.MaxBytes)), "larger than" },
        { "too many rows", Utf8("product,key\n" + string.Concat(Enumerable.Repeat("a,AAAA-1\n", StockCsv.MaxRows + 1))), "more than 5000 rows" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void A_file_that_cannot_be_read_as_a_whole_is_refused_with_the_reason(string _, byte[] file, string reason)
    {
        var (rows, error) = StockCsv.Parse(file);

        rows.Should().BeEmpty();
        error.Should().Contain(reason);
    }

    [Fact]
    public void Quoted_fields_CRLF_and_a_UTF8_BOM_are_read_and_bad_rows_named_by_their_line()
    {
        var file = Utf8("\uFEFFProduct , Key\r\n" +
                        "\"elden\",\"AAAA-\"\"1\"\"\"\r\n" +
                        "hades, BBBB-2 \r\n" +
                        "\r\n" +
                        "elden,\"CC\nCC\"\n" +
                        "elden,DD\0DD\n" +
                        "elden,ключ-1234\n" +
                        "elden,a b c d\n" +
                        "elden,A\n" +
                        "elden,AAAA,extra\n" +
                        "el\"den,AAAA-9\n" +
                        ",AAAA-10\n" +
                        "hades,EEEE-5");

        var (rows, error) = StockCsv.Parse(file);

        error.Should().BeNull();
        rows.Select(r => (r.Line, r.Product, r.Key, r.Problem is null)).Should().Equal(
            (2, "elden", "AAAA-\"1\"", true),
            (3, "hades", "BBBB-2", true),
            (5, "elden", "", false),
            (7, "elden", "", false),
            (8, "elden", "", false),
            (9, "elden", "", false),
            (10, "elden", "", false),
            (11, "elden", "", false),
            (12, "el\"den", "", false),
            (13, "", "", false),
            (14, "hades", "EEEE-5", true));
        rows.Where(r => r.Problem is not null).Select(r => r.Problem).Should().Equal(
            "Control characters (such as NUL or a line break inside quotes).",
            "Control characters (such as NUL or a line break inside quotes).",
            "The key has characters outside ASCII.",
            "The key has spaces.",
            "The key must be 4 to 200 characters.",
            "3 fields; a row is a product and a key.",
            "A quote inside an unquoted field; quote the whole field.",
            "No product.");
    }

    [Theory]
    [InlineData("=HYPERLINK(1)", "'=HYPERLINK(1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx\0", "?x?")]
    [InlineData("elden-ring", "elden-ring")]
    public void Cells_echoed_in_the_report_cannot_run_as_spreadsheet_formulas(string cell, string shown) =>
        StockCsv.Inert(cell).Should().Be(shown);
}
