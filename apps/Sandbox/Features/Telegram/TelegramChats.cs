using System.Collections.Concurrent;

namespace GamesDrop.Sandbox.Features.Telegram;

/// <summary>Every message the bot sent, in order, for tests and the demo to read back.</summary>
internal sealed class TelegramChats
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private int _lastId;

    public SentMessage Add(string chatId, string text, string? html, string? parseMode, DateTimeOffset at)
    {
        var message = new SentMessage(Interlocked.Increment(ref _lastId), chatId, text, html, parseMode, at);
        _sent.Enqueue(message);
        return message;
    }

    public IReadOnlyList<SentMessage> All => _sent.ToList();
}

/// <summary>A sent message: <paramref name="Text"/> as the chat shows it, <paramref name="Html"/> as the bot sent it.</summary>
internal sealed record SentMessage(int MessageId, string ChatId, string Text, string? Html, string? ParseMode, DateTimeOffset Date);
