using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Suppliers.Features.Health;

/// <summary>Section <c>Suppliers</c> as the monitor reads it.</summary>
public sealed class SupplierMonitorOptions
{
    public const string Section = "Suppliers";

    /// <summary>How often each supplier's balance is read; health is checked more often.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BalanceCheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
