using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests;

/// <summary>The notifier's mail outbox (Development only), where mailed links and alerts reach the tests.</summary>
public static class Mailbox
{
    /// <summary>The first mail to <paramref name="recipient"/> whose subject contains <paramref name="subject"/>, once written.</summary>
    public static async Task<JsonElement> MailAsync(EmbeddedApp app, string recipient, string subject)
    {
        using var notifier = app.InternalClient();
        JsonElement? mail = null;
        (await Eventually.HoldsAsync(async () =>
        {
            var mails = await notifier.GetFromJsonAsync<JsonElement>("/notifier/dev/mail");
            mail = mails.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(m =>
                m!.Value.GetProperty("recipient").GetString() == recipient && m.Value.GetProperty("subject").GetString()!.Contains(subject));
            return mail is not null;
        }, TimeSpan.FromSeconds(60))).Should().BeTrue($"a mail to {recipient} about '{subject}' is written");
        return mail!.Value;
    }

    // The token reaches the shopper only through the mail: kernel outbox, pub/sub, the notifier's mail outbox.
    public static Task<string> ResetTokenAsync(EmbeddedApp app, string recipient) => TokenAsync(app, recipient, "Reset");

    public static Task<string> VerificationTokenAsync(EmbeddedApp app, string recipient) => TokenAsync(app, recipient, "Confirm your");

    private static async Task<string> TokenAsync(EmbeddedApp app, string recipient, string subject) =>
        Regex.Match((await MailAsync(app, recipient, subject)).GetProperty("body").GetString()!, "token=([A-Za-z0-9_-]+)").Groups[1].Value;
}
