using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GamesDrop.Sandbox.Tests.Infrastructure;

/// <summary>Calls the Digiflazz simulator as a buyer would: snake_case JSON, md5 signs computed here, not by the sandbox.</summary>
public sealed class DigiflazzClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Sign(string x, string username = SandboxApplication.DigiflazzUser, string apiKey = SandboxApplication.DigiflazzKey) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(username + apiKey + x)));

    public Task<(int Status, JsonElement Data)> BalanceAsync(string? sign = null) =>
        PostAsync("cek-saldo", new { cmd = "deposit", username = SandboxApplication.DigiflazzUser, sign = sign ?? Sign("depo") });

    public Task<(int Status, JsonElement Data)> PriceListAsync(object? filters = null)
    {
        var body = new Dictionary<string, object?> { ["cmd"] = "prepaid", ["username"] = SandboxApplication.DigiflazzUser, ["sign"] = Sign("pricelist") };
        foreach (var property in filters?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(filters);
        }
        return PostAsync("price-list", body);
    }

    public Task<(int Status, JsonElement Data)> TransactAsync(string sku, string customerNo, string refId,
        bool testing = false, long? maxPrice = null, string? sign = null) =>
        PostAsync("transaction", new TransactionBody(SandboxApplication.DigiflazzUser, sku, customerNo, refId, sign ?? Sign(refId), testing, maxPrice));

    public async Task<(int Status, JsonElement Data)> PostAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync($"/digiflazz/v1/{path}", body, Json);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, document.RootElement.GetProperty("data").Clone());
    }

    private sealed record TransactionBody(string Username, string BuyerSkuCode, string CustomerNo, string RefId, string Sign, bool Testing, long? MaxPrice);
}
