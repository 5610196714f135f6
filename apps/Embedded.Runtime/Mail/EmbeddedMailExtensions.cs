using GamesDrop.BuildingBlocks.Bindings.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Embedded.Runtime.Mail;

public static class EmbeddedMailExtensions
{
    /// <summary>The <c>mail</c> binding over SMTP to the server in configuration section <c>Smtp</c>.</summary>
    public static IServiceCollection AddEmbeddedMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton<IMailSender, MailKitMailSender>();
        return services;
    }
}
