using GamesDrop.AppTesting;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>
/// One catalog the search tests only read. Store prices (8 % margin, 0.30 floor, fee grossed up):
/// cost 5 → 5.96, 10 → 11.56, 20 → 22.75, 30 → 33.94, 50 → 56.32.
/// </summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public EmbeddedApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await EmbeddedApp.StartAsync();
        using var client = App.InternalClient();
        await client.RegisterSupplierAsync("kinguin");
        await client.PostBatchAsync("kinguin", null,
            Offer("er-steam", "Elden Ring", price: 30m, genres: ["RPG", "Action"], releaseDate: new DateOnly(2022, 2, 25)),
            Offer("er-xbox", "Elden Ring", price: 50m, platform: "Xbox", region: "EU", genres: ["RPG", "Action"], releaseDate: new DateOnly(2022, 2, 25)),
            Offer("er-night", "Elden Ring Nightreign", price: 20m, genres: ["RPG"], releaseDate: new DateOnly(2025, 5, 30)),
            Offer("ring-of", "Ring of Elden Tales", price: 10m, genres: ["Adventure"], releaseDate: new DateOnly(2019, 1, 1)),
            Offer("eldem", "Eldem Ring", price: 10m, genres: ["Indie"], releaseDate: new DateOnly(2020, 6, 1)),
            Offer("hades", "Hades", price: 20m, genres: ["Action", "Indie"], releaseDate: new DateOnly(2020, 9, 17)),
            Offer("celeste", "Céleste", price: 5m, platform: "GOG", genres: ["Indie"], releaseDate: new DateOnly(2018, 1, 25)),
            Offer("witcher", "The Witcher 3: Wild Hunt GOTY Edition", price: 10m, platform: "GOG", genres: ["RPG"], releaseDate: new DateOnly(2016, 8, 30)),
            Offer("doom", "Doom Eternal", price: 20m, stock: 0, genres: ["Action"], releaseDate: new DateOnly(2020, 3, 20)));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
