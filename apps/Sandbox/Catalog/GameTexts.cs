namespace GamesDrop.Sandbox.Catalog;

/// <summary>Long texts, written when a product is shown rather than kept for every product of a large catalog.</summary>
internal static class GameTexts
{
    public static string Description(Game game)
    {
        var hook = WordLists.Hooks[game.Id % WordLists.Hooks.Length];
        var genre = string.Join(" and ", game.Genres);
        var article = "AEIOU".Contains(genre[0]) ? "an" : "a";
        var edition = game.Edition.IsStandard
            ? ""
            : $" The {game.Edition.Name} adds the season pass, bonus outfits and a digital artbook.";
        return $"{game.Title} is {article} {genre} game by {game.Developer}, published by {game.Publisher}. {hook}{edition}";
    }

    public static string ActivationDetails(Game game) =>
        game.Region.IsGlobal
            ? game.Platform.ActivationSteps
            : $"{game.Platform.ActivationSteps} This key activates only in {game.Region.KinguinName}.";
}
