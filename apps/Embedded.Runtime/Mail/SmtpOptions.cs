using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace GamesDrop.Embedded.Runtime.Mail;

/// <summary>
/// The SMTP server the Embedded profile sends through (section <c>Smtp</c>); the Dapr profile reads the same from the
/// <c>mail</c> component. A user, when set, signs in with the secret <c>smtp-password</c>.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? User { get; set; }
}
