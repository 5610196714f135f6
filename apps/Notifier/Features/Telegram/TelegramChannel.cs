using System.Net;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using GamesDrop.Notifier.Features.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot;

namespace GamesDrop.Notifier.Features.Telegram;

/// <summary>
/// Sends an alert with Telegram.Bot's <c>sendMessage</c>. The client's base address is the HTTPEndpoint's name, which
/// the sidecar (Dapr) or the endpoint client (Embedded: <c>HttpEndpoints:telegram-api:BaseUrl</c>) turns into the API's.
/// A 429 is not waited out here: the dispatcher comes back after Telegram's <c>retry_after</c>.
/// </summary>
internal sealed class TelegramChannel(IHttpClientFactory clients, [FromKeyedServices(AppIds.Notifier)] ISecretStore secrets, IOptionsMonitor<TelegramOptions> settings) : INotificationChannel
{
    public string Name => Channels.Telegram;

    public bool Enabled => !string.IsNullOrWhiteSpace(settings.CurrentValue.ChatId);

    public async Task SendAsync(string payload, CancellationToken ct)
    {
        var message = NotificationOutbox.Read<TelegramMessage>(payload);
        var token = await secrets.GetAsync(TelegramOptions.TokenSecret, ct)
            ?? throw new InvalidOperationException($"Secret {TelegramOptions.TokenSecret} is not set.");
        var bot = new TelegramBotClient(
            new TelegramBotClientOptions(token, $"http://{TelegramOptions.EndpointName}") { RetryCount = 0 },
            clients.CreateClient(TelegramOptions.EndpointName));
        try
        {
            await bot.SendMessage(settings.CurrentValue.ChatId!, message.Html, ParseMode.Html,
                linkPreviewOptions: new() { IsDisabled = true }, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == (int)HttpStatusCode.TooManyRequests && e.Parameters?.RetryAfter is { } seconds)
        {
            throw new RetryLaterException(TimeSpan.FromSeconds(seconds), $"Telegram: too many requests, retry after {seconds} s");
        }
    }
}

/// <summary>An alert's text in Telegram's HTML subset, already escaped.</summary>
public sealed record TelegramMessage(string Html);
