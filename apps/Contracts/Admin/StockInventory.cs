namespace GamesDrop.Contracts.Admin;

/// <summary>A CSV of own-stock keys, as uploaded: header <c>product,key</c>, one key a row, the product by its slug.</summary>
public sealed record StockUpload(string FileName, byte[] Csv)
{
    /// <summary>Larger files are split by the uploader: a size the admin pages send in one request.</summary>
    public const int MaxBytes = 512 * 1024;
}

/// <summary>What became of each row; keys are never echoed, only where they were.</summary>
public sealed record StockUploadReport(int Rows, int Added, int Rejected, IReadOnlyList<StockUploadRow> Lines);

/// <param name="Line">The file line the row starts on (the header is line 1).</param>
/// <param name="Product">The product cell as written, made inert for spreadsheets.</param>
/// <param name="Outcome">One of <see cref="StockUploadOutcomes"/>.</param>
public sealed record StockUploadRow(int Line, string Product, string Outcome, string Detail);

public static class StockUploadOutcomes
{
    public const string Added = "added";
    public const string BadFormat = "bad-format";
    public const string ProductNotFound = "product-not-found";
    public const string DuplicateInFile = "duplicate-in-file";
    public const string AlreadyStored = "already-stored";
}

/// <summary>Own stock per product: keys on the shelf, held by unpaid orders, sold.</summary>
public sealed record StockCount(string Slug, string Title, int Available, int Reserved, int Sold, bool Low);

public sealed record StockInventory(int LowStockThreshold, IReadOnlyList<StockCount> Products);
