using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Adapters.Digiflazz;
using GamesDrop.Suppliers.Adapters.Kinguin;
using Microsoft.Extensions.Options;

namespace GamesDrop.Suppliers.Tests.Adapters;

/// <summary>Adapters wired by hand to a sandbox, so each is tested alone against its simulator.</summary>
internal static class AdapterFactory
{
    public static KinguinSupplier Kinguin(SandboxHost sandbox, string apiKey = SandboxHost.KinguinKey, int pageSize = 100,
        int pagesInFlight = 4, HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = sandbox.KinguinApi },
            Secrets(new() { [KinguinOptions.ApiKeySecret] = apiKey }),
            Options.Create(new KinguinOptions { PageSize = pageSize, PagesInFlight = pagesInFlight }));

    public static DigiflazzSupplier Digiflazz(SandboxHost sandbox, string apiKey = SandboxHost.DigiflazzKey) =>
        new(new HttpClient { BaseAddress = sandbox.DigiflazzApi },
            Secrets(new() { [DigiflazzOptions.UsernameSecret] = SandboxHost.DigiflazzUser, [DigiflazzOptions.ApiKeySecret] = apiKey }),
            Options.Create(new DigiflazzOptions()),
            TimeProvider.System);

    private static SupplierSecrets Secrets(Dictionary<string, string> values) => new(new FixedSecrets(values));

    private sealed class FixedSecrets(Dictionary<string, string> values) : ISecretStore
    {
        // As daprd: an unknown name is an error.
        public Task<string> GetAsync(string name, CancellationToken ct = default) =>
            values.TryGetValue(name, out var value) ? Task.FromResult(value) : Task.FromException<string>(new SecretUnavailableException(name));
    }
}
