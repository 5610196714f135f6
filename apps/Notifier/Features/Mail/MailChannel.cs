using GamesDrop.BuildingBlocks.Bindings.Mail;
using GamesDrop.Notifier.Features.Deliveries;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>Sends a queued mail through the <c>mail</c> output binding.</summary>
internal sealed class MailChannel(IMailSender sender) : INotificationChannel
{
    public string Name => Channels.Mail;

    public bool Enabled => true;

    public Task SendAsync(string payload, CancellationToken ct) => sender.SendAsync(NotificationOutbox.Read<OutgoingMail>(payload), ct);
}
