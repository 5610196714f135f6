using System.Globalization;
using System.Net;
using System.Text;
using GamesDrop.BuildingBlocks.Bindings.Mail;
using Microsoft.Extensions.Options;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// A mail from paragraphs and at most one button link: plain text, and the same as simple HTML with every value encoded.
/// Section <c>Notifier:Mail</c> names the sender.
/// </summary>
public sealed class MailTemplates(IOptions<MailOptions> options)
{
    private string From => options.Value.From;

    public OutgoingMail Compose(string to, string subject, string greeting, IReadOnlyList<string> paragraphs, (string Text, string Url)? link = null,
        IReadOnlyList<string>? after = null)
    {
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">")
            .Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }
        if (link is { } l)
        {
            text.Append(l.Text).Append(": ").Append(l.Url).Append("\n\n");
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(l.Url)).Append("\">").Append(WebUtility.HtmlEncode(l.Text)).Append("</a></p>");
        }
        foreach (var paragraph in after ?? [])
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }
        html.Append("</body></html>");
        return new OutgoingMail(From, to, subject, text.ToString().TrimEnd() + "\n", html.ToString());
    }

    public static string Money(decimal amount, string currency) => currency.Trim() == "EUR"
        ? "€" + amount.ToString("0.00", CultureInfo.InvariantCulture)
        : amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency.Trim();
}
