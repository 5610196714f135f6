using GamesDrop.AppTesting;

namespace GamesDrop.Kernel.Tests.Features;

/// <summary>A test with its own store and database, seeded by <see cref="SeedAsync"/>, and an app-token client.</summary>
public abstract class CatalogTest : IAsyncLifetime
{
    protected EmbeddedApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await EmbeddedApp.StartAsync(Settings);
        Client = App.InternalClient();
        await SeedAsync();
    }

    protected abstract Task SeedAsync();

    /// <summary>Configuration the store starts with, beyond the defaults.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
