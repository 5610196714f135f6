using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Sandbox.Webhooks;

/// <summary>The push machinery both simulators share, and <c>GET /_sandbox/webhooks</c> to see what was delivered.</summary>
internal static class WebhooksApi
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        services.AddSingleton<WebhookQueue>();
        services.AddHostedService<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<WebhookOptions>().TimeoutSeconds));
        return services;
    }

    public static RouteGroupBuilder MapWebhookLog(this RouteGroupBuilder admin)
    {
        admin.MapGet("/webhooks", (WebhookQueue queue) => TypedResults.Ok(queue.Log));
        return admin;
    }
}
