using System.Net;
using GamesDrop.Contracts.Admin;

namespace GamesDrop.Bff.Kernel;

/// <summary>Typed client for the kernel's staff views: orders with their provenance, and the audit of admin actions.</summary>
public sealed class KernelAdmin(HttpClient http)
{
    public Task<KernelAnswer<AdminOrderPage>> OrdersAsync(QueryString query, CancellationToken ct) =>
        SendAsync<AdminOrderPage>(HttpMethod.Get, "admin/orders" + query, null, ct);

    public Task<KernelAnswer<AdminOrder>> OrderAsync(Guid orderId, CancellationToken ct) =>
        SendAsync<AdminOrder>(HttpMethod.Get, $"admin/orders/{orderId}", null, ct);

    public Task<KernelAnswer<AuditPage>> AuditAsync(QueryString query, CancellationToken ct) =>
        SendAsync<AuditPage>(HttpMethod.Get, "admin/audit" + query, null, ct);

    public Task<KernelAnswer<SalesReport>> SalesReportAsync(QueryString query, CancellationToken ct) =>
        SendAsync<SalesReport>(HttpMethod.Get, "admin/analytics" + query, null, ct);

    public async Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        var answer = await SendAsync<object>(HttpMethod.Post, "admin/audit", entry, ct);
        if (answer.Errors is not null)
        {
            throw new InvalidOperationException($"The kernel refused an audit entry: {string.Join("; ", answer.Errors.Keys)}.");
        }
    }

    // A 400 carries the filters the kernel refused.
    private static readonly IReadOnlySet<HttpStatusCode> WithErrors = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest };

    private Task<KernelAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        KernelCalls.SendAsync<T>(http, method, path, body, WithErrors, ct);
}
