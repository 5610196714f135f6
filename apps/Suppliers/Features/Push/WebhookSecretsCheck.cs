using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using GamesDrop.Suppliers.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Suppliers.Features.Push;

/// <summary>
/// Refuses to start while an enabled supplier's webhook secret is missing, empty or a placeholder: its pushes would all be
/// refused (or, with a placeholder, provable by anyone who read the example), and the store would drift silently.
/// </summary>
internal sealed class WebhookSecretsCheck(SupplierRegistry registry, [FromKeyedServices(AppIds.Suppliers)] ISecretStore secrets) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var supplier in registry.Enabled)
        {
            string? value;
            try
            {
                value = await secrets.GetAsync(supplier.WebhookSecret, ct);
            }
            catch (SecretUnavailableException)
            {
                value = null;
            }
            if (PlaceholderSecrets.IsPlaceholder(value))
            {
                throw new InvalidOperationException(
                    $"{supplier.Name} is enabled but its secret '{supplier.WebhookSecret}' is missing or a placeholder; set the one from its dashboard.");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
