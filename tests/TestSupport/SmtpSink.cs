using System.Text;
using MimeKit;
using netDumbster.smtp;

namespace GamesDrop.TestSupport;

/// <summary>A real SMTP server on a loopback port that keeps every mail it is given, for tests to read back.</summary>
public sealed class SmtpSink : IDisposable
{
    private readonly SimpleSmtpServer _server;

    private SmtpSink(SimpleSmtpServer server) => _server = server;

    public int Port => _server.Configuration.Port;

    public static SmtpSink Start() => new(SimpleSmtpServer.Start());

    /// <summary>Every mail received so far, parsed.</summary>
    public IReadOnlyList<MimeMessage> Mails => _server.ReceivedEmail
        .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
        .ToList();

    public IReadOnlyList<MimeMessage> MailsTo(string recipient) =>
        Mails.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Dispose() => _server.Dispose();
}
