using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.Contracts;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Adapters.Digiflazz;
using GamesDrop.Suppliers.Adapters.Kinguin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Push;

/// <summary>
/// Suppliers' webhooks. Public (suppliers call them), so each proves its origin by the supplier's own
/// mechanism; verified pushes go onto the supplier-feed queue binding, whose consumer applies them. A push already
/// taken is acknowledged and dropped (a resent Digiflazz push would otherwise count as news, stamped with its arrival);
/// a Kinguin push changed longer ago than that record lasts is refused.
/// </summary>
public static partial class WebhooksApi
{
    public const string FeedBinding = "supplier-feed";
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();
        group.MapPost("/kinguin", KinguinAsync);
        group.MapPost("/digiflazz", DigiflazzAsync);
        return routes;
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult, BadRequest, NotFound>> KinguinAsync(
        HttpRequest request, SupplierRegistry registry, SupplierSecrets secrets, [FromKeyedServices(AppIds.Suppliers)] IOutputBinding feed,
        [FromKeyedServices(AppIds.Suppliers)] WebhookReplays replays, ILoggerFactory logs, CancellationToken ct)
    {
        if (registry.Find(KinguinSupplier.SupplierCode) is null)
        {
            return TypedResults.NotFound();
        }
        var logger = logs.CreateLogger(typeof(WebhooksApi));
        if (!WebhookSignatures.IsKinguinSecret(request.Headers["X-Event-Secret"], await secrets.GetAsync(KinguinOptions.WebhookSecret, ct)))
        {
            LogRejected(logger, KinguinSupplier.SupplierCode, request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Unauthorized();
        }
        var body = await ReadBodyAsync(request, ct);
        var eventName = request.Headers["X-Event-Name"].ToString();
        var message = eventName switch
        {
            "product.update" => Parse<KinguinProductUpdate>(body, Json) is { ProductId: { Length: > 0 } } p
                ? new SupplierFeedMessage(KinguinSupplier.SupplierCode, p.UpdatedAt, Sku: p.ProductId, Price: p.Price, Stock: p.Qty)
                : null,
            "order.status" => Parse<KinguinOrderStatus>(body, Json) is { OrderId: { Length: > 0 } } o
                ? new SupplierFeedMessage(KinguinSupplier.SupplierCode, o.UpdatedAt, SupplierOrderId: o.OrderId, OrderReference: o.OrderExternalId, OrderStatus: o.Status)
                : null,
            _ => null,
        };
        if (message is null)
        {
            return TypedResults.BadRequest();
        }
        if (!replays.IsFresh(message.ChangedAt))
        {
            LogStale(logger, KinguinSupplier.SupplierCode, request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Unauthorized();
        }
        // Kinguin's proof is the secret itself, the same on every push: the push is known by its content.
        var seenKey = "kinguin-" + Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(eventName + "\n"), .. body]));
        if (await replays.SeenAsync(seenKey, ct))
        {
            LogRepeat(logger, KinguinSupplier.SupplierCode);
            return TypedResults.NoContent();
        }
        await feed.InvokeAsync(FeedBinding, "create", message, ct);
        await replays.RememberAsync(seenKey, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest, NotFound>> DigiflazzAsync(
        HttpRequest request, SupplierRegistry registry, SupplierSecrets secrets, [FromKeyedServices(AppIds.Suppliers)] IOutputBinding feed,
        [FromKeyedServices(AppIds.Suppliers)] WebhookReplays replays, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (registry.Find(DigiflazzSupplier.SupplierCode) is null)
        {
            return TypedResults.NotFound();
        }
        var logger = logs.CreateLogger(typeof(WebhooksApi));
        var body = await ReadBodyAsync(request, ct);
        var signature = request.Headers["X-Hub-Signature"].ToString();
        if (!WebhookSignatures.IsDigiflazzSignature(signature, body, await secrets.GetAsync(DigiflazzOptions.WebhookSecret, ct)))
        {
            LogRejected(logger, DigiflazzSupplier.SupplierCode, request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Unauthorized();
        }
        if (Parse<DigiflazzPush>(body, SnakeCase)?.Data is not { RefId: { Length: > 0 } } data)
        {
            return TypedResults.BadRequest();
        }
        // Digiflazz sends no time, so only the record of signatures (each an HMAC of its body) tells a resent push from news.
        var seenKey = "digiflazz-" + signature[5..].ToLowerInvariant();
        if (await replays.SeenAsync(seenKey, ct))
        {
            LogRepeat(logger, DigiflazzSupplier.SupplierCode);
            return TypedResults.Ok();
        }
        await feed.InvokeAsync(FeedBinding, "create", new SupplierFeedMessage(
            DigiflazzSupplier.SupplierCode, time.GetUtcNow(), SupplierOrderId: data.RefId, OrderReference: data.RefId, OrderStatus: data.Status), ct);
        await replays.RememberAsync(seenKey, ct);
        return TypedResults.Ok();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes)
        {
            throw new BadHttpRequestException("The push is larger than any supplier sends.", StatusCodes.Status413PayloadTooLarge);
        }
        return buffer.ToArray();
    }

    private static T? Parse<T>(byte[] body, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, options);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a {Supplier} push with a missing or wrong signature from {RemoteIp}")]
    private static partial void LogRejected(ILogger logger, string supplier, string? remoteIp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Supplier} push changed longer ago than pushes are remembered, from {RemoteIp}")]
    private static partial void LogStale(ILogger logger, string supplier, string? remoteIp);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Supplier} push already taken came again; dropped")]
    private static partial void LogRepeat(ILogger logger, string supplier);

    private sealed record KinguinProductUpdate(int KinguinId, string ProductId, int? Qty, decimal? Price, DateTimeOffset UpdatedAt);

    private sealed record KinguinOrderStatus(string OrderId, string? OrderExternalId, string Status, DateTimeOffset UpdatedAt);

    private sealed record DigiflazzPush(DigiflazzPushData? Data);

    private sealed record DigiflazzPushData(string RefId, string Status, string? Rc, string? Sn);
}
