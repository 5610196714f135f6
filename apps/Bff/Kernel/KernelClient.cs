using System.Net.Http.Json;

namespace GamesDrop.Bff.Kernel;

/// <summary>Typed client for the kernel app over service invocation.</summary>
public sealed class KernelClient(HttpClient http)
{
    public async Task<IReadOnlyList<KernelCurrencyRate>> GetCurrencyRatesAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<IReadOnlyList<KernelCurrencyRate>>("currency-rates", ct) ?? [];
}

public sealed record KernelCurrencyRate(string Currency, decimal RateToStore, DateTimeOffset UpdatedAt);
