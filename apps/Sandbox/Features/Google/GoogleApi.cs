using System.Text.Json;
using GamesDrop.Sandbox.Features.Faults;

namespace GamesDrop.Sandbox.Features.Google;

/// <summary>
/// Google under <c>/google</c>: the OAuth token endpoint (<c>/google/oauth2/token</c>, for
/// <c>https://oauth2.googleapis.com/token</c>) and Sheets v4 <c>values.append</c> (<c>/google/sheets/v4/...</c>, for
/// <c>https://sheets.googleapis.com/v4/...</c>). Fault switches under partner <c>google</c>.
/// </summary>
internal static class GoogleApi
{
    public const string Prefix = "/google";
    private const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    public static IServiceCollection AddGoogle(this IServiceCollection services)
    {
        services.AddOptions<GoogleOptions>().BindConfiguration(GoogleOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GoogleOptions>>().Value);
        services.AddSingleton<GoogleTokens>();
        services.AddSingleton<SheetsBook>();
        return services;
    }

    public static RouteGroupBuilder MapGoogle(this RouteGroupBuilder sandbox)
    {
        var google = sandbox.MapGroup(Prefix).WithFaults(Partners.Google, status => Error(status, "UNAVAILABLE", "The service is currently unavailable."));
        google.MapPost("/oauth2/token", (HttpRequest http, GoogleTokens tokens, CancellationToken ct) => tokens.IssueAsync(http, ct))
            .WithTags("Google").DisableAntiforgery();
        google.MapPost("/sheets/v4/spreadsheets/{spreadsheetId}/values/{range}:append", AppendAsync).WithTags("Google");
        return sandbox;
    }

    public static RouteGroupBuilder MapGoogleAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/sheets/{spreadsheetId}/rows", (string spreadsheetId, SheetsBook book) => TypedResults.Ok(book.Rows(spreadsheetId)));
        admin.MapGet("/google/token-requests", (GoogleTokens tokens) => TypedResults.Ok(new { requests = tokens.Requests }));
        return admin;
    }

    private static async Task<IResult> AppendAsync(
        string spreadsheetId, string range, HttpRequest http, GoogleTokens tokens, SheetsBook book, CancellationToken ct)
    {
        if (!tokens.Allows(http.Headers.Authorization, SheetsScope))
        {
            return Error(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
        }
        var input = http.Query["valueInputOption"].ToString();
        if (input is not ("RAW" or "USER_ENTERED"))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", "Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED");
        }
        AppendBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<AppendBody>(http.Body, JsonSerializerOptions.Web, ct);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", "Invalid JSON payload received.");
        }
        if (body?.Values is not { Count: > 0 } rows || body.MajorDimension is not (null or "ROWS"))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", "Invalid values: at least one row, majorDimension ROWS.");
        }
        var total = book.Append(spreadsheetId, range, rows);
        var sheet = range.Split('!')[0];
        var columns = rows.Max(r => r.Count);
        var updated = $"{sheet}!A{total - rows.Count + 1}:{(char)('A' + Math.Min(columns, 26) - 1)}{total}";
        return TypedResults.Json(new
        {
            spreadsheetId,
            tableRange = $"{sheet}!A1:{(char)('A' + Math.Min(columns, 26) - 1)}{total - rows.Count}",
            updates = new { spreadsheetId, updatedRange = updated, updatedRows = rows.Count, updatedColumns = columns, updatedCells = rows.Sum(r => r.Count) },
        });
    }

    private static IResult Error(int status, string reason, string message) =>
        TypedResults.Json(new { error = new { code = status, message, status = reason } }, statusCode: status);

    private sealed record AppendBody(string? MajorDimension, IReadOnlyList<IReadOnlyList<JsonElement>>? Values);
}
