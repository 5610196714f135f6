using System.Globalization;
using System.Security;
using System.Text;

namespace GamesDrop.Sandbox.Catalog;

/// <summary>
/// A placeholder cover drawn from the product itself (colours from its id, title, platform badge), so demos look
/// varied without shipping or fetching a single image.
/// </summary>
internal static class CoverSvg
{
    public const int DefaultWidth = 600;
    public const int DefaultHeight = 800;

    public static string Render(Game game, int width, int height, int screenshot)
    {
        var hue = (game.Id * 47 + screenshot * 97) % 360;
        var title = Wrap(game.Title, Math.Max(8, width / 28));
        var fontSize = Math.Max(10, width / 14);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl({hue},70%,38%)"/><stop offset="1" stop-color="hsl({(hue + 60) % 360},65%,14%)"/></linearGradient></defs>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{width}" height="{height}" fill="url(#g)"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{width * 3 / 4}" cy="{height / 4}" r="{Math.Min(width, height) / 3}" fill="hsl({(hue + 180) % 360},60%,55%)" opacity="0.25"/>""");
        for (var line = 0; line < title.Count; line++)
        {
            var y = height / 2 + (line - title.Count / 2) * fontSize * 6 / 5;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{width / 12}" y="{y}" font-family="sans-serif" font-weight="700" font-size="{fontSize}" fill="#fff">{SecurityElement.Escape(title[line])}</text>""");
        }
        var badge = game.Edition.IsStandard ? game.Platform.Name : $"{game.Platform.Name} · {game.Edition.Name}";
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{width / 12}" y="{height - height / 12}" font-family="sans-serif" font-size="{Math.Max(8, fontSize / 2)}" fill="#ffffffcc">{SecurityElement.Escape(badge)}</text>""");
        return svg.Append("</svg>").ToString();
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' '))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + word.Length + 1 > width)
            {
                lines.Add("");
            }
            lines[^1] = lines[^1].Length == 0 ? word : $"{lines[^1]} {word}";
        }
        return lines;
    }
}
