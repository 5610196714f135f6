namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>The settings .env.example documents, with its placeholder values.</summary>
public static class EnvExample
{
    public static IReadOnlyDictionary<string, string> Values => File.ReadAllLines(Repo.Path(".env.example"))
        .Select(line => line.Trim())
        .Where(line => line.Contains('=') && !line.StartsWith('#'))
        .Select(line => line.Split('=', 2))
        .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
}
