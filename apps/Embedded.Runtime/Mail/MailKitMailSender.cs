using GamesDrop.BuildingBlocks.Bindings.Mail;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.Contracts;
using GamesDrop.Embedded.Runtime.Secrets;
using MailKit.Net.Smtp;
using MimeKit;

namespace GamesDrop.Embedded.Runtime.Mail;

/// <summary>
/// Embedded profile: the <c>mail</c> binding as an SMTP client, sending plain text with an HTML alternative. Like daprd it
/// refuses a binding that <c>components/</c> does not declare as <c>bindings.smtp</c> for the notifier, and gives each
/// attempt the binding's outbound timeout from resiliency.yaml; retrying is the caller's.
/// </summary>
internal sealed class MailKitMailSender(SmtpOptions options, ComponentCatalog catalog, ConfigurationSecretStore secrets) : IMailSender
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var binding = catalog.Components.FirstOrDefault(c => c.Name == DaprComponents.Mail && c.Type == "bindings.smtp" && c.IsInScope(AppIds.Notifier))
            ?? throw new InvalidOperationException($"No bindings.smtp component '{DaprComponents.Mail}' in scope for {AppIds.Notifier}.");
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();

        using var client = new SmtpClient();
        client.Timeout = (int)(catalog.Resiliency.ForComponentOutbound(binding.Name)?.Timeout ?? DefaultTimeout).TotalMilliseconds;
        await client.ConnectAsync(options.Host, options.Port, options.Security, ct);
        if (options.User is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, await secrets.GetAsync("smtp-password", ct) ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
