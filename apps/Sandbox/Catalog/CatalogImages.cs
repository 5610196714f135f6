namespace GamesDrop.Sandbox.Catalog;

/// <summary>Absolute URLs of the covers this sandbox serves, on whatever address the caller reached it.</summary>
internal static class CatalogImages
{
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Url(string baseUrl, Game game, int width, int height, int screenshot = 0) =>
        screenshot == 0
            ? $"{baseUrl}/images/{game.Id}.svg?w={width}&h={height}"
            : $"{baseUrl}/images/{game.Id}.svg?w={width}&h={height}&shot={screenshot}";
}
