using System.Text.Json;
using System.Text.Json.Nodes;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests;

/// <summary>
/// The storefront's wire types are generated from the BFF's OpenAPI document as checked in (apps/Bff/openapi.json);
/// this keeps that copy the one the BFF serves, and apps/web's <c>npm run types:check</c> keeps the types generated from it.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task The_checked_in_document_is_the_one_the_bff_serves()
    {
        await using var app = await EmbeddedApp.StartAsync();
        using var client = app.PublicClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/bff.json"))!.AsObject();
        // The servers name this run's port, not the BFF.
        document.Remove("servers");
        var served = document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(TestEnvironment.RepoRoot, "apps", "Bff", "openapi.json");

        if (Environment.GetEnvironmentVariable("GAMESDROP_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        (await File.ReadAllTextAsync(path)).Should().Be(served,
            "the storefront's types come from it: run scripts/web-types.sh to write it and generate them again");
    }
}
