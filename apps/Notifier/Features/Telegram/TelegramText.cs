using System.Globalization;

namespace GamesDrop.Notifier.Features.Telegram;

/// <summary>Alert texts in Telegram's HTML: a bold headline, details, a link to the admin page of the thing; all escaped.</summary>
public static class TelegramText
{
    public static TelegramMessage Alert(string headline, string details, string link, string linkText) => new(
        $"<b>{Escape(headline)}</b>\n{Escape(details)}\n<a href=\"{Escape(link)}\">{Escape(linkText)}</a>");

    public static string Money(decimal amount, string currency) =>
        amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency.Trim();

    // Telegram's HTML mode knows only the entities &lt; &gt; &amp; &quot;: escape exactly those characters.
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
