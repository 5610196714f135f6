using System.Net.Http.Json;
using System.Text.Json;

namespace GamesDrop.Sandbox.Tests.Infrastructure;

public static class HttpJson
{
    /// <summary>The body as JSON, read as a client in another language would: by field names, not our record types.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.IsSuccessStatusCode.Should().BeTrue($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }
}
