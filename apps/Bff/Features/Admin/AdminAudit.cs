using System.Text.Json;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>Writes who did what to which order or setting, with its state before and after, to the kernel's audit.</summary>
public sealed class AdminAudit(KernelClient kernel)
{
    /// <summary>The signed-in admin's email, as staff know each other (their id when the account cannot be read).</summary>
    public async Task<string> ActorAsync(HttpContext http, CancellationToken ct)
    {
        var adminId = http.UserId();
        return (await kernel.GetUserAsync(adminId, ct)).Value?.Email ?? adminId.ToString("D");
    }

    /// <summary>The order's state as the audit keeps it: status, money refunded, each line's status.</summary>
    public async Task<OrderState?> OrderStateAsync(Guid orderId, CancellationToken ct) =>
        (await kernel.AdminOrderAsync(orderId, ct)).Value is { } order
            ? new OrderState(order.Order.Status, order.Payment?.RefundedAmount ?? 0, order.Lines.Select(l => new LineState(l.LineId, l.Status)).ToList())
            : null;

    public Task RecordAsync(HttpContext http, string actor, string action, Guid orderId, object? before, object? after, CancellationToken ct) =>
        RecordAsync(http, actor, action, AuditActions.Order, orderId.ToString("D"), before, after, ct);

    public Task RecordAsync(HttpContext http, string actor, string action, string targetType, string targetId, object? before, object? after, CancellationToken ct) =>
        kernel.RecordAsync(new AuditEntry(http.UserId(), actor, action, targetType, targetId, Json(before), Json(after)), ct);

    private static JsonElement? Json(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);

    public sealed record OrderState(string Status, decimal RefundedAmount, IReadOnlyList<LineState> Lines);

    public sealed record LineState(long LineId, string Status);
}
