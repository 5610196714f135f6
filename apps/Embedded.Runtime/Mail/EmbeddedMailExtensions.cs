using GamesDrop.BuildingBlocks.Bindings.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamesDrop.Embedded.Runtime.Mail;

public static class EmbeddedMailExtensions
{
    /// <summary>The <c>mail</c> binding over SMTP to the server in configuration section <c>Smtp</c>.</summary>
    public static IServiceCollection AddEmbeddedMail(this IServiceCollection services, IConfiguration configuration)
    {
        // Validated at start-up, as every options class: a bad port stops the host instead of the first mail.
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value);
        services.AddSingleton<IMailSender, MailKitMailSender>();
        return services;
    }
}
