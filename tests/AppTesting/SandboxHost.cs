using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GamesDrop.Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.AppTesting;

/// <summary>
/// The partner simulators on a loopback port with the tests' own credentials, pushing supplier webhooks to
/// <paramref name="webhookBase"/> (the store's suppliers app) when given; PayPal's go to <c>Sandbox:PayPal:WebhookUrl</c>
/// when <paramref name="settings"/> name one; on <paramref name="clock"/> when given (a partner whose clock, and so its
/// stamps and signed times, are not now).
/// </summary>
public sealed class SandboxHost(string? webhookBase, IDictionary<string, string?>? settings, TimeProvider? clock = null)
    : WebApplicationFactory<ISandboxMarker>
{
    public const string AdminToken = "sandbox-admin-for-tests";
    public const string KinguinKey = "kinguin-key-for-tests";
    public const string KinguinSecret = "kinguin webhook secret for tests";
    public const string DigiflazzUser = "buyer-for-tests";
    public const string DigiflazzKey = "digiflazz-key-for-tests";
    public const string DigiflazzSecret = "digiflazz-hmac-for-tests";
    public const string PayPalClientId = "paypal-client-for-tests";
    public const string PayPalClientSecret = "paypal-secret-for-tests";
    public const string PayPalWebhookId = "WH-FOR-TESTS";
    public const string TelegramBotToken = "424242:telegram-token-for-tests";
    public const string TelegramChatId = "-1001234567890";
    public const string GoogleAccount = "reports@gamesdrop-tests.iam.gserviceaccount.com";
    public const string SpreadsheetId = "sales-sheet-for-tests";

    /// <summary>The service account's key, made once per test run: its private half is the store's secret, its public half the sandbox's.</summary>
    private static readonly Lazy<RSA> GoogleKey = new(() => RSA.Create(2048));

    public Uri BaseUri { get; private set; } = null!;
    public Uri KinguinApi => new(BaseUri, "kinguin/esa/api/");
    public Uri DigiflazzApi => new(BaseUri, "digiflazz/v1/");
    public Uri PayPalApi => new(BaseUri, "paypal/");
    public Uri TelegramApi => new(BaseUri, "telegram/");

    public static SandboxHost Start(string? webhookBase = null, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var host = new SandboxHost(webhookBase, settings, clock);
        host.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        host.BaseUri = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return host;
    }

    /// <summary>The store settings that point both suppliers and PayPal at this sandbox with its credentials.</summary>
    public Dictionary<string, string?> StoreSettings() => new()
    {
        ["Suppliers:Kinguin:Enabled"] = "true",
        ["Suppliers:Digiflazz:Enabled"] = "true",
        ["HttpEndpoints:kinguin-api:BaseUrl"] = KinguinApi.ToString(),
        ["HttpEndpoints:digiflazz-api:BaseUrl"] = DigiflazzApi.ToString(),
        ["HttpEndpoints:kinguin-refresh:BaseUrl"] = KinguinApi.ToString(),
        ["HttpEndpoints:digiflazz-refresh:BaseUrl"] = DigiflazzApi.ToString(),
        ["Secrets:kinguin-api-key"] = KinguinKey,
        ["Secrets:kinguin-webhook-secret"] = KinguinSecret,
        ["Secrets:digiflazz-username"] = DigiflazzUser,
        ["Secrets:digiflazz-api-key"] = DigiflazzKey,
        ["Secrets:digiflazz-webhook-secret"] = DigiflazzSecret,
        ["HttpEndpoints:paypal-api:BaseUrl"] = PayPalApi.ToString(),
        ["Secrets:paypal-client-id"] = PayPalClientId,
        ["Secrets:paypal-client-secret"] = PayPalClientSecret,
        ["Secrets:paypal-webhook-id"] = PayPalWebhookId,
        ["HttpEndpoints:telegram-api:BaseUrl"] = TelegramApi.ToString(),
        ["Secrets:telegram-bot-token"] = TelegramBotToken,
        ["Notifier:Telegram:ChatId"] = TelegramChatId,
        ["HttpEndpoints:sheets-api:BaseUrl"] = new Uri(BaseUri, "google/sheets/").ToString(),
        ["HttpEndpoints:google-oauth:BaseUrl"] = new Uri(BaseUri, "google/oauth2/").ToString(),
        ["Secrets:google-service-account"] = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["client_email"] = GoogleAccount,
            ["private_key"] = GoogleKey.Value.ExportPkcs8PrivateKeyPem(),
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        }),
        ["Notifier:Sheets:SpreadsheetId"] = SpreadsheetId,
    };

    /// <summary>The messages the Telegram simulator was sent, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> TelegramMessagesAsync()
    {
        using var admin = Admin();
        return (await admin.GetFromJsonAsync<List<JsonElement>>("_sandbox/telegram/messages"))!;
    }

    /// <summary>The rows appended to the sales sheet, oldest first, each as its cells.</summary>
    public async Task<IReadOnlyList<JsonElement[]>> SheetRowsAsync()
    {
        using var admin = Admin();
        var rows = await admin.GetFromJsonAsync<List<JsonElement>>($"_sandbox/sheets/{SpreadsheetId}/rows");
        return rows!.Select(r => r.GetProperty("values").EnumerateArray().ToArray()).ToList();
    }

    /// <summary>
    /// Whether <paramref name="supplier"/> holds a purchase under our <paramref name="reference"/>, read from its books
    /// without making one (Kinguin: orders by orderExternalId; Digiflazz: the ledger by ref_id).
    /// </summary>
    public async Task<bool> HasPurchaseAsync(string supplier, string reference)
    {
        if (supplier == "digiflazz")
        {
            using var admin = Admin();
            using var found = await admin.GetAsync($"_sandbox/digiflazz/transactions/{Uri.EscapeDataString(reference)}");
            return found.StatusCode == HttpStatusCode.OK;
        }
        using var kinguin = new HttpClient { BaseAddress = KinguinApi };
        kinguin.DefaultRequestHeaders.Add("X-Api-Key", KinguinKey);
        var page = await kinguin.GetFromJsonAsync<System.Text.Json.JsonElement>($"v1/order?orderExternalId={Uri.EscapeDataString(reference)}");
        return page.GetProperty("item_count").GetInt32() > 0;
    }

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        client.DefaultRequestHeaders.Add("X-Sandbox-Admin-Token", AdminToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var values = new Dictionary<string, string?>
        {
            ["Sandbox:AdminToken"] = AdminToken,
            ["Sandbox:Catalog:Products"] = "600",
            ["Sandbox:Kinguin:ApiKey"] = KinguinKey,
            ["Sandbox:Kinguin:KeyDeliverySeconds"] = "1",
            ["Sandbox:Kinguin:WebhookSecret"] = KinguinSecret,
            ["Sandbox:Kinguin:WebhookUrl"] = webhookBase is null ? null : webhookBase + "kinguin",
            ["Sandbox:Digiflazz:Username"] = DigiflazzUser,
            ["Sandbox:Digiflazz:ApiKey"] = DigiflazzKey,
            ["Sandbox:Digiflazz:PendingSeconds"] = "1",
            ["Sandbox:Digiflazz:PriceListIntervalSeconds"] = "0",
            ["Sandbox:Digiflazz:WebhookSecret"] = DigiflazzSecret,
            ["Sandbox:Digiflazz:WebhookUrl"] = webhookBase is null ? null : webhookBase + "digiflazz",
            ["Sandbox:PayPal:ClientId"] = PayPalClientId,
            ["Sandbox:PayPal:ClientSecret"] = PayPalClientSecret,
            ["Sandbox:PayPal:WebhookId"] = PayPalWebhookId,
            // Tests buy keys of every region: their payer names no country unless the approval gives one (the region tests).
            ["Sandbox:PayPal:PayerCountry"] = "",
            ["Sandbox:Webhooks:RetryDelayMs"] = "50",
            ["Sandbox:Telegram:BotToken"] = TelegramBotToken,
            ["Sandbox:Google:ClientEmail"] = GoogleAccount,
            ["Sandbox:Google:PublicKeyPem"] = GoogleKey.Value.ExportSubjectPublicKeyInfoPem(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        foreach (var (key, value) in values.Where(v => v.Value is not null))
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
