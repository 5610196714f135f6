using System.Net.Http.Headers;
using System.Net.Http.Json;
using GamesDrop.Notifier.Features.Deliveries;
using Microsoft.Extensions.Options;

namespace GamesDrop.Notifier.Features.Sheets;

/// <summary>Appends a row to the sales sheet with <c>values.append</c>, through the <c>sheets-api</c> HTTPEndpoint.</summary>
internal sealed class SheetsChannel(HttpClient http, GoogleAccessTokens tokens, IOptionsMonitor<SheetsOptions> settings) : INotificationChannel
{
    public string Name => Channels.Sheets;

    public bool Enabled => !string.IsNullOrWhiteSpace(settings.CurrentValue.SpreadsheetId);

    public async Task SendAsync(string payload, CancellationToken ct)
    {
        var row = NotificationOutbox.Read<SheetRow>(payload);
        var options = settings.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"v4/spreadsheets/{Uri.EscapeDataString(options.SpreadsheetId!)}/values/{Uri.EscapeDataString(options.Range)}:append"
            + "?valueInputOption=RAW&insertDataOption=INSERT_ROWS")
        {
            Content = JsonContent.Create(new { majorDimension = "ROWS", values = new[] { row.Values } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>One sheet row: text and numbers, in column order.</summary>
public sealed record SheetRow(IReadOnlyList<object> Values);
