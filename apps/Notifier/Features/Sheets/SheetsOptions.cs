namespace GamesDrop.Notifier.Features.Sheets;

/// <summary>
/// Section <c>Notifier:Sheets</c>: the spreadsheet sales rows are appended to and the range (sheet) that takes them. Unset,
/// no rows are sent. The service account's key is secret <c>google-service-account</c> (its JSON key file, as one string).
/// </summary>
public sealed class SheetsOptions
{
    public const string Section = "Notifier:Sheets";
    public const string ServiceAccountSecret = "google-service-account";
    public const string EndpointName = "sheets-api";
    public const string TokenEndpointName = "google-oauth";
    public const string Scope = "https://www.googleapis.com/auth/spreadsheets";

    public string? SpreadsheetId { get; set; }
    public string Range { get; set; } = "Sales!A1";
}
