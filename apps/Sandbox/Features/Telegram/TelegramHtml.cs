using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GamesDrop.Sandbox.Features.Telegram;

/// <summary>
/// Telegram's HTML parse mode: only its tags, balanced; only the entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones.
/// Anything else is refused as Telegram refuses it ("can't parse entities"), so unescaped text fails here as it would there.
/// </summary>
internal static partial class TelegramHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler", "tg-emoji", "blockquote"];

    /// <returns>The text without markup, or null with <paramref name="error"/> set.</returns>
    public static string? ToPlainText(string html, out string? error)
    {
        var text = new StringBuilder();
        var open = new Stack<string>();
        for (var i = 0; i < html.Length;)
        {
            if (html[i] == '<')
            {
                var tag = Tag().Match(html, i);
                if (!tag.Success || tag.Index != i || !Tags.Contains(tag.Groups["name"].Value))
                {
                    error = $"Unsupported start tag at byte offset {i}";
                    return null;
                }
                var name = tag.Groups["name"].Value;
                if (tag.Groups["close"].Success)
                {
                    if (!open.TryPop(out var expected) || expected != name)
                    {
                        error = $"Unmatched end tag at byte offset {i}, expected \"</{expected}>\", found \"</{name}>\"";
                        return null;
                    }
                }
                else
                {
                    open.Push(name);
                }
                i += tag.Length;
            }
            else if (html[i] == '&')
            {
                var entity = Entity().Match(html, i);
                if (!entity.Success || entity.Index != i)
                {
                    error = $"Unsupported entity at byte offset {i}";
                    return null;
                }
                text.Append(WebUtility.HtmlDecode(entity.Value));
                i += entity.Length;
            }
            else if (html[i] == '>')
            {
                error = $"Unexpected end tag at byte offset {i}";
                return null;
            }
            else
            {
                text.Append(html[i++]);
            }
        }
        if (open.Count > 0)
        {
            error = $"Can't find end tag corresponding to start tag \"{open.Peek()}\"";
            return null;
        }
        error = null;
        return text.ToString();
    }

    [GeneratedRegex("""<(?<close>/)?(?<name>[a-z-]+)(\s+[a-z-]+="[^"<>]*")*\s*>""")]
    private static partial Regex Tag();

    [GeneratedRegex("&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")]
    private static partial Regex Entity();
}
