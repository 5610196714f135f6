using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Settings;

public static class StoredSettingsExtensions
{
    /// <summary>
    /// Adds the stored settings as the last configuration source, once per host: the one-process host shares one
    /// configuration between its apps, and each app that reads settings calls this.
    /// </summary>
    public static StoredSettings AddStoredSettings(this WebApplicationBuilder builder)
    {
        var configuration = (IConfigurationBuilder)builder.Configuration;
        if (configuration.Sources.OfType<StoredSettings>().FirstOrDefault() is { } existing)
        {
            return existing;
        }
        var settings = new StoredSettings();
        configuration.Add(settings);
        builder.Services.AddSingleton(settings);
        return settings;
    }

    /// <summary>The stored settings for app <paramref name="appId"/>, not the kernel: loaded from the kernel at start, then kept by events.</summary>
    public static StoredSettings AddStoredSettingsFromKernel(this WebApplicationBuilder builder, string appId)
    {
        var settings = builder.AddStoredSettings();
        builder.Services.AddServiceClient<KernelSettingsClient>(AppIds.Kernel, from: appId);
        builder.Services.AddHostedService<StoredSettingsLoader>();
        return settings;
    }

    /// <summary>The app's subscription to <c>settings-changed</c>: an older or repeated snapshot changes nothing.</summary>
    public static RouteGroupBuilder MapStoredSettings(this RouteGroupBuilder routes)
    {
        routes.MapPost("/settings/changed", (SettingsChanged changed, StoredSettings settings) =>
        {
            settings.Apply(changed);
            return TypedResults.Ok();
        }).WithTags("Settings").WithSubscription(Topics.SettingsChanged);
        return routes;
    }
}
