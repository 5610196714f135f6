namespace GamesDrop.Kernel.Features.Products;

/// <summary>A store price from <c>At</c> on; null while the product could not be bought.</summary>
public sealed record PricePoint(DateTime At, decimal? Price);

/// <summary>
/// A product's prices over the last 90 days: the points, the first one the price the window began with (moved to its
/// start), and the lowest price in that time.
/// </summary>
public sealed record PriceHistory(IReadOnlyList<PricePoint> Points, decimal? Lowest, DateTime Since)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public static PriceHistory Over90Days(IReadOnlyList<PricePoint> points, DateTime now)
    {
        var since = now - Window;
        var clipped = points.Select(p => p.At < since ? p with { At = since } : p).ToList();
        return new PriceHistory(clipped, clipped.Min(p => p.Price), since);
    }
}
