using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Suppliers.Features.Refresh;

/// <summary>One supplier listing, by the supplier's code and SKU.</summary>
public sealed record OfferRef([Required, StringLength(50)] string Supplier, [Required, StringLength(200)] string Sku);
