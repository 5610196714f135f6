using GamesDrop.AppTesting;

namespace GamesDrop.Embedded.Tests;

/// <summary>Every app's settings are checked when the host starts, and a wrong one is reported by its key.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("RateLimits:AuthPerIp", "0")] // BFF
    [InlineData("Sessions:IdleTimeout", "00:00:00")] // BFF
    [InlineData("Cart:IdleExpiry", "00:00:00")] // BFF
    [InlineData("Funnel:ReportEvery", "00:00:00")] // BFF
    [InlineData("Catalog:SearchCacheFor", "00:00:00")] // BFF
    [InlineData("Catalog:SearchFacetsFor", "-00:00:01")] // Kernel
    [InlineData("Admin:Email", "not-an-address")] // Kernel
    [InlineData("Store:PublicUrl", "not-a-url")] // Checkout and Notifier
    [InlineData("Notifier:Delivery:MaxAttempts", "0")] // Notifier
    [InlineData("Suppliers:Refresh:CallsPerSecond", "0")] // Suppliers
    [InlineData("Suppliers:BalanceCheckInterval", "00:00:00")] // Suppliers
    [InlineData("Actors:ReminderPollInterval", "00:00:00")] // Embedded runtime
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300", "ForwardedHeaders:KnownProxies")] // every app (ServiceDefaults)
    public async Task A_wrong_setting_stops_the_host_at_start_naming_its_key(string key, string value, string? named = null)
    {
        // Caught by hand: a key two apps read fails both, and FluentAssertions will not pick one of an AggregateException's.
        Exception? thrown = null;
        try
        {
            await using var app = await EmbeddedApp.StartAsync(new Dictionary<string, string?> { [key] = value });
        }
        catch (Exception e)
        {
            thrown = e;
        }

        thrown.Should().NotBeNull("a wrong setting must stop the host");
        Messages(thrown!).Should().Contain(m => m.Contains((named ?? key) + ":", StringComparison.Ordinal), "the operator sets keys, so the key is named");
    }

    [Fact]
    public async Task An_empty_admin_address_starts_the_host_without_an_admin()
    {
        // Compose passes an unset ADMIN_EMAIL as an empty value.
        await using var app = await EmbeddedApp.StartAsync(new Dictionary<string, string?> { ["Admin:Email"] = "" });

        (await app.CreateClient().GetAsync("/health/live")).IsSuccessStatusCode.Should().BeTrue();
    }

    private static IEnumerable<string> Messages(Exception e) => e is AggregateException all
        ? all.InnerExceptions.SelectMany(Messages)
        : e is Microsoft.Extensions.Options.OptionsValidationException invalid ? invalid.Failures : [e.Message];
}
