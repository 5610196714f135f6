using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GamesDrop.Sandbox.Tests.Infrastructure;

/// <summary>
/// The sandbox in memory with credentials of the tests' own (environment "Testing", so nothing comes from the
/// development defaults), a clock the test moves, and pushes aimed at a <see cref="WebhookReceiver"/> when given.
/// </summary>
public sealed class SandboxApplication(IDictionary<string, string?>? settings = null, WebhookReceiver? receiver = null)
    : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token";
    public const string KinguinKey = "test-kinguin-key";
    public const string KinguinSecret = "test kinguin secret, sent verbatim";
    public const string DigiflazzUser = "testbuyer";
    public const string DigiflazzKey = "test-digiflazz-key";
    public const string DigiflazzSecret = "test-digiflazz-hmac-secret";
    public const decimal KinguinBalance = 1000m;
    public const long DigiflazzDeposit = 5_000_000;
    public const string PayPalClientId = "test-paypal-client";
    public const string PayPalSecret = "test-paypal-secret";
    public const string PayPalWebhookId = "WH-TEST-0001";
    public const int PayPalTokenSeconds = 3600;
    public const string TelegramToken = "777:test-bot-token";

    /// <summary>Starts at the real now: catalog dates are real dates, and changes must look newer than them.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sandbox:AdminToken"] = AdminToken,
                ["Sandbox:Catalog:Products"] = "600",
                ["Sandbox:Kinguin:ApiKey"] = KinguinKey,
                ["Sandbox:Kinguin:Balance"] = KinguinBalance.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Sandbox:Kinguin:KeyDeliverySeconds"] = "10",
                ["Sandbox:Kinguin:WebhookSecret"] = KinguinSecret,
                ["Sandbox:Kinguin:WebhookUrl"] = receiver?.Url("/kinguin"),
                ["Sandbox:Digiflazz:Username"] = DigiflazzUser,
                ["Sandbox:Digiflazz:ApiKey"] = DigiflazzKey,
                ["Sandbox:Digiflazz:Deposit"] = DigiflazzDeposit.ToString(),
                ["Sandbox:Digiflazz:PendingSeconds"] = "30",
                ["Sandbox:Digiflazz:PriceListIntervalSeconds"] = "0",
                ["Sandbox:Digiflazz:WebhookSecret"] = DigiflazzSecret,
                ["Sandbox:Digiflazz:WebhookUrl"] = receiver?.Url("/digiflazz"),
                ["Sandbox:PayPal:ClientId"] = PayPalClientId,
                ["Sandbox:PayPal:ClientSecret"] = PayPalSecret,
                ["Sandbox:PayPal:WebhookId"] = PayPalWebhookId,
                ["Sandbox:PayPal:TokenSeconds"] = PayPalTokenSeconds.ToString(),
                ["Sandbox:PayPal:WebhookUrl"] = receiver?.Url("/paypal"),
                ["Sandbox:Webhooks:RetryDelayMs"] = "50",
                ["Sandbox:Telegram:BotToken"] = TelegramToken,
            });
            if (settings is not null)
            {
                config.AddInMemoryCollection(settings);
            }
        });
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient Kinguin(string apiKey = KinguinKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(global::GamesDrop.Sandbox.Admin.AdminToken.Header, AdminToken);
        return client;
    }

    public DigiflazzClient Digiflazz() => new(CreateClient());

    /// <summary>Redirects are not followed, so tests see the approval page's 303s.</summary>
    public PayPalCalls PayPal() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
}
