using System.Text.Json;
using GamesDrop.Sandbox.Features.Faults;
using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Sandbox.Features.Telegram;

/// <summary>
/// The Telegram Bot API's <c>sendMessage</c> under <c>/telegram</c> (for <c>https://api.telegram.org</c>):
/// <c>/bot{token}/sendMessage</c>, answering <c>{ok,result}</c> or <c>{ok:false,error_code,description,parameters}</c>.
/// Fault switches: the usual transport faults, and <c>retryAfterSeconds</c> for flood control (429).
/// </summary>
internal static class TelegramApi
{
    public const string Prefix = "/telegram";
    private const int MaxText = 4096;

    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        services.AddSettings<TelegramOptions>(TelegramOptions.Section);
        services.AddSingleton<TelegramChats>();
        return services;
    }

    public static RouteGroupBuilder MapTelegram(this RouteGroupBuilder sandbox)
    {
        var telegram = sandbox.MapGroup(Prefix).WithTags("Telegram")
            .WithFaults(Partners.Telegram, status => Error(status, status == 502 ? "Bad Gateway" : "Internal Server Error"));
        // "/bot{token}" as a pattern would match its literal from the right, so a token containing "bot" would miss it.
        telegram.MapPost("/{botToken}/sendMessage", SendMessageAsync).DisableAntiforgery();
        return sandbox;
    }

    public static RouteGroupBuilder MapTelegramAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/telegram/messages", (TelegramChats chats) => TypedResults.Ok(chats.All));
        return admin;
    }

    private static async Task<IResult> SendMessageAsync(
        string botToken, HttpRequest http, TelegramOptions options, TelegramChats chats, FaultSwitches faults, TimeProvider clock, CancellationToken ct)
    {
        if (!botToken.StartsWith("bot", StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status404NotFound, "Not Found");
        }
        if (!ConstantTime.Matches(botToken[3..], options.BotToken))
        {
            return Error(StatusCodes.Status401Unauthorized, "Unauthorized");
        }
        if (faults.For(Partners.Telegram).RetryAfterSeconds is > 0 and var seconds)
        {
            return Error(StatusCodes.Status429TooManyRequests, $"Too Many Requests: retry after {seconds}", new { retry_after = seconds });
        }
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "Bad Request: invalid JSON");
        }
        var chatId = body.TryGetProperty("chat_id", out var chat) ? (chat.ValueKind == JsonValueKind.Number ? chat.GetRawText() : chat.GetString()) : null;
        var text = body.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var parseMode = body.TryGetProperty("parse_mode", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (string.IsNullOrEmpty(chatId))
        {
            return Error(StatusCodes.Status400BadRequest, "Bad Request: chat not found");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error(StatusCodes.Status400BadRequest, "Bad Request: message text is empty");
        }
        var shown = text;
        var html = string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase);  // Telegram reads the mode's name in any case
        if (html)
        {
            shown = TelegramHtml.ToPlainText(text, out var error) ?? "";
            if (error is not null)
            {
                return Error(StatusCodes.Status400BadRequest, "Bad Request: can't parse entities: " + error);
            }
        }
        if (shown.Length > MaxText)
        {
            return Error(StatusCodes.Status400BadRequest, "Bad Request: message is too long");
        }
        var sent = chats.Add(chatId, shown, html ? text : null, parseMode, clock.GetUtcNow());
        var botId = long.Parse(options.BotToken[..options.BotToken.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Json(new
        {
            ok = true,
            result = new
            {
                message_id = sent.MessageId,
                from = new { id = botId, is_bot = true, first_name = "GamesDrop alerts" },
                chat = new { id = long.TryParse(chatId, out var id) ? id : -1001000000000L, type = chatId.StartsWith('@') ? "channel" : "private" },
                date = sent.Date.ToUnixTimeSeconds(),
                text = shown,
            },
        });
    }

    private static IResult Error(int status, string description, object? parameters = null) =>
        TypedResults.Json(new { ok = false, error_code = status, description, parameters }, statusCode: status);
}
