using System.Text;
using Dapr.Client;
using GamesDrop.Contracts;

namespace GamesDrop.BuildingBlocks.Bindings.Mail;

/// <summary>
/// Dapr profile: the <c>bindings.smtp</c> component. Its <c>create</c> operation sends <c>data</c> as an HTML body, so the
/// plain-text part is not sent here; addresses and subject go as request metadata.
/// </summary>
internal sealed class DaprSmtpMailSender(DaprClient dapr) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var request = new BindingRequest(DaprComponents.Mail, "create") { Data = Encoding.UTF8.GetBytes(mail.Html) };
        request.Metadata["emailFrom"] = mail.From;
        request.Metadata["emailTo"] = mail.To;
        request.Metadata["subject"] = mail.Subject;
        await dapr.InvokeBindingAsync(request, ct);
    }
}
