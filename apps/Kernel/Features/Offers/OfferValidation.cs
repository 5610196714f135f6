using System.Text.RegularExpressions;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Suppliers;

namespace GamesDrop.Kernel.Features.Offers;

/// <summary>
/// Checks what suppliers send before anything is written. The wire contracts carry no attributes (both apps
/// share them), and a body with missing fields arrives with nulls, so every field is checked here.
/// </summary>
internal static partial class OfferValidation
{
    public const decimal MaxPrice = 1_000_000_000m;

    /// <summary>More than there are countries: a list this long is not a list of countries.</summary>
    public const int MaxExcludedCountries = 250;

    /// <summary>What refuses a whole batch: whose it is and how many offers it holds. Single offers are screened apart.</summary>
    public static Dictionary<string, string[]> Validate(OfferBatch batch)
    {
        var errors = new Dictionary<string, string[]>();
        Supplier(errors, nameof(batch.Supplier), batch.Supplier);
        if (batch.Offers is null || batch.Offers.Count is 0 or > OfferBatch.MaxOffers)
        {
            errors[nameof(batch.Offers)] = [$"Between 1 and {OfferBatch.MaxOffers} offers."];
        }
        return errors;
    }

    /// <summary>
    /// Splits a batch's offers into those to write and those to quarantine with their reason, so one bad listing cannot
    /// hold back a thousand good ones. A SKU listed again in the batch is the same offer: the first listing counts.
    /// </summary>
    public static (List<SupplierOffer> Accepted, List<QuarantinedOffer> Quarantined) Screen(IReadOnlyList<SupplierOffer> offers)
    {
        var accepted = new List<SupplierOffer>(offers.Count);
        var quarantined = new List<QuarantinedOffer>();
        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var offer in offers)
        {
            var errors = new Dictionary<string, string[]>();
            Offer(errors, offer);
            if (errors.Count > 0)
            {
                var sku = string.IsNullOrWhiteSpace(offer.Sku) ? "(no SKU)" : offer.Sku[..Math.Min(offer.Sku.Length, 200)];
                quarantined.Add(new QuarantinedOffer(sku, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
            }
            else if (skus.Add(offer.Sku))
            {
                accepted.Add(offer);
            }
        }
        return (accepted, quarantined);
    }

    public static Dictionary<string, string[]> Validate(OfferChange change)
    {
        var errors = new Dictionary<string, string[]>();
        Supplier(errors, nameof(change.Supplier), change.Supplier);
        Text(errors, nameof(change.Sku), change.Sku, 200);
        if (change.Price is { } price)
        {
            Price(errors, nameof(change.Price), price);
        }
        if (change.Currency is not null)
        {
            Currency(errors, nameof(change.Currency), change.Currency);
        }
        if (change.Stock < 0)
        {
            errors[nameof(change.Stock)] = ["Zero or more."];
        }
        if (change.ChangedAt == default)
        {
            errors[nameof(change.ChangedAt)] = ["When the supplier changed the offer."];
        }
        return errors;
    }

    public static void Supplier(Dictionary<string, string[]> errors, string field, string? code)
    {
        if (code is null || !SupplierCode().IsMatch(code))
        {
            errors[field] = [SuppliersApi.SupplierCodeMessage];
        }
    }

    private static void Currency(Dictionary<string, string[]> errors, string field, string? currency)
    {
        if (currency is null || !CurrencyCode().IsMatch(currency))
        {
            errors[field] = ["An ISO 4217 code in capitals, such as EUR."];
        }
    }

    private static void Offer(Dictionary<string, string[]> errors, SupplierOffer offer)
    {
        Text(errors, nameof(offer.Sku), offer.Sku, 200);
        Text(errors, nameof(offer.Title), offer.Title, 300);
        if (offer.Title is not null && !HasWord().IsMatch(offer.Title))
        {
            errors[nameof(offer.Title)] = ["A title with at least one letter or digit."];
        }
        Text(errors, nameof(offer.Platform), offer.Platform, 100);
        Text(errors, nameof(offer.Region), offer.Region, 100);
        Optional(errors, nameof(offer.Edition), offer.Edition, 100);
        Optional(errors, nameof(offer.Description), offer.Description, 20_000);
        Optional(errors, nameof(offer.ActivationNotes), offer.ActivationNotes, 5_000);
        if (offer.Genres is { } genres && (genres.Count > 20 || genres.Any(g => string.IsNullOrWhiteSpace(g) || g.Length > 50 || g.Contains('\0'))))
        {
            errors[nameof(offer.Genres)] = ["At most 20 genres, each 1 to 50 characters."];
        }
        if (offer.ImageUrl is not null && !(offer.ImageUrl.Length <= 2000
                && Uri.TryCreate(offer.ImageUrl, UriKind.Absolute, out var image) && image.Scheme is "https" or "http"))
        {
            errors[nameof(offer.ImageUrl)] = ["An absolute http(s) URL."];
        }
        if (offer.ExcludedCountries is { } excluded && (excluded.Count > MaxExcludedCountries || !excluded.All(ActivationRegions.IsCountry)))
        {
            errors[nameof(offer.ExcludedCountries)] = [$"At most {MaxExcludedCountries} two-letter country codes in capitals."];
        }
        Price(errors, nameof(offer.Price), offer.Price);
        Currency(errors, nameof(offer.Currency), offer.Currency);
        if (offer.Stock < 0)
        {
            errors[nameof(offer.Stock)] = ["Zero or more."];
        }
    }

    private static void Price(Dictionary<string, string[]> errors, string field, decimal price)
    {
        if (price is < 0 or >= MaxPrice || decimal.Round(price, 4) != price)
        {
            errors[field] = ["Zero or more, below a billion, at most 4 decimals."];
        }
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Contains('\0'))
        {
            errors[field] = [$"Required, at most {maxLength} characters, no NUL."];
        }
    }

    private static void Optional(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value?.Length > maxLength || value?.Contains('\0') == true)
        {
            errors[field] = [$"At most {maxLength} characters, no NUL."];
        }
    }

    [GeneratedRegex(SuppliersApi.SupplierCode)]
    private static partial Regex SupplierCode();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"[\p{L}\p{N}]")]
    private static partial Regex HasWord();
}
