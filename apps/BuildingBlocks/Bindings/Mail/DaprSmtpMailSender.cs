using System.Text;
using Dapr.Client;
using GamesDrop.Contracts;

namespace GamesDrop.BuildingBlocks.Bindings.Mail;

/// <summary>
/// Dapr profile: the <c>bindings.smtp</c> component. Its <c>create</c> operation takes one body and always sends it as
/// <c>text/html</c> (components-contrib bindings/smtp), so only the HTML part goes here, which the templates keep simple;
/// addresses and subject go as request metadata.
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
