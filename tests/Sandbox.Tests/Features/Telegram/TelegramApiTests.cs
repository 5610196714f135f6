using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Telegram;

/// <summary>sendMessage as Telegram answers it: the bot's token in the path, HTML parse mode checked, flood control on request.</summary>
public sealed class TelegramApiTests : SandboxTest
{
    private HttpClient Bot() => Sandbox.CreateClient();

    private static string SendMessage(string token = SandboxApplication.TelegramToken) => $"/telegram/bot{token}/sendMessage";

    [Fact]
    public async Task A_message_in_html_is_recorded_as_the_chat_shows_it()
    {
        using var sent = await Bot().PostAsJsonAsync(SendMessage(), new { chat_id = -100123, text = "<b>Paid</b> &amp; &lt;done&gt;", parse_mode = "HTML" });

        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await sent.Content.ReadFromJsonAsync<JsonElement>();
        (reply.GetProperty("ok").GetBoolean(), reply.GetProperty("result").GetProperty("text").GetString()).Should().Be((true, "Paid & <done>"));
        var recorded = (await Sandbox.Admin().GetFromJsonAsync<List<JsonElement>>("/_sandbox/telegram/messages"))!.Should().ContainSingle().Subject;
        (recorded.GetProperty("chatId").GetString(), recorded.GetProperty("text").GetString()).Should().Be(("-100123", "Paid & <done>"));
    }

    [Theory]
    [InlineData("Tom & Jerry")]
    [InlineData("a <script> tag")]
    [InlineData("<b>never closed")]
    public async Task Unescaped_html_is_refused_as_telegram_refuses_it(string text)
    {
        using var sent = await Bot().PostAsJsonAsync(SendMessage(), new { chat_id = 1, text, parse_mode = "HTML" });

        sent.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("description").GetString().Should().StartWith("Bad Request: can't parse entities");
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized_and_flood_control_answers_429_with_retry_after()
    {
        using var wrong = await Bot().PostAsJsonAsync(SendMessage("777:wrong"), new { chat_id = 1, text = "hi" });
        (await Sandbox.Admin().PutAsJsonAsync("/_sandbox/faults/telegram", new { retryAfterSeconds = 7 })).EnsureSuccessStatusCode();
        using var flooded = await Bot().PostAsJsonAsync(SendMessage(), new { chat_id = 1, text = "hi" });

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        flooded.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var body = await flooded.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("error_code").GetInt32(), body.GetProperty("parameters").GetProperty("retry_after").GetInt32()).Should().Be((429, 7));
        (await Sandbox.Admin().GetFromJsonAsync<List<JsonElement>>("/_sandbox/telegram/messages")).Should().BeEmpty();
    }
}
