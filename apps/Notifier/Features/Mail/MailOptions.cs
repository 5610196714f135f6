using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>Section <c>Notifier:Mail</c>: who the store's mails come from.</summary>
public sealed class MailOptions
{
    public const string Section = "Notifier:Mail";

    [Required, MinLength(3)]
    public string From { get; set; } = "GamesDrop <no-reply@gamesdrop.test>";
}
