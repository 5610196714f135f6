using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.Tests.Infrastructure;
using GamesDrop.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Tests.Secrets;

/// <summary>The Embedded secret store answers as daprd does: a secret it does not hold is an error, never an empty answer.</summary>
public sealed class ConfigurationSecretStoreTests : IAsyncLifetime
{
    private readonly TestComponents _components = new(TestComponents.FastRedelivery);
    private TestDatabase _database = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = await TestHost.StartAsync(_database, _ => { }, _components.Folder,
            settings: new Dictionary<string, string?> { ["Secrets:paypal-client-id"] = "client-1", ["Secrets:blank"] = "" },
            services: services => services.AddSecretStore("checkout"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        _components.Dispose();
    }

    [Fact]
    public async Task A_set_secret_is_read_and_an_unset_or_blank_one_is_an_error()
    {
        var store = _host.Services.GetRequiredKeyedService<ISecretStore>("checkout");

        var value = await store.GetAsync("paypal-client-id");
        var unset = () => store.GetAsync("admin-password");
        var blank = () => store.GetAsync("blank");

        value.Should().Be("client-1");
        (await unset.Should().ThrowAsync<SecretUnavailableException>()).Which.Name.Should().Be("admin-password");
        await blank.Should().ThrowAsync<SecretUnavailableException>();
    }
}
