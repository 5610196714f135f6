using System.Text.RegularExpressions;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;
using MimeKit;

namespace GamesDrop.Bff.Tests;

/// <summary>The store's SMTP server in tests, where mailed links and alerts reach the tests.</summary>
public static class Mailbox
{
    /// <summary>The first mail to <paramref name="recipient"/> whose subject contains <paramref name="subject"/>, once sent.</summary>
    public static async Task<MimeMessage> MailAsync(EmbeddedApp app, string recipient, string subject)
    {
        MimeMessage? mail = null;
        (await Eventually.HoldsAsync(() =>
        {
            mail = app.Mail.MailsTo(recipient).FirstOrDefault(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true);
            return Task.FromResult(mail is not null);
        }, TimeSpan.FromSeconds(60))).Should().BeTrue($"a mail to {recipient} about '{subject}' is sent");
        return mail!;
    }

    // The token reaches the shopper only through the mail: kernel outbox, pub/sub, the notifier, the SMTP server.
    public static Task<string> ResetTokenAsync(EmbeddedApp app, string recipient) => TokenAsync(app, recipient, "Reset");

    public static Task<string> VerificationTokenAsync(EmbeddedApp app, string recipient) => TokenAsync(app, recipient, "Confirm your");

    private static async Task<string> TokenAsync(EmbeddedApp app, string recipient, string subject) =>
        Regex.Match((await MailAsync(app, recipient, subject)).TextBody ?? "", "token=([A-Za-z0-9_-]+)").Groups[1].Value;
}
