namespace GamesDrop.BuildingBlocks.Bindings.Mail;

/// <summary>Sends a mail through the SMTP output binding <c>mail</c> (Dapr: <c>bindings.smtp</c>; Embedded: an SMTP client).</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}
