using Dapr.Actors.Runtime;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>
/// The cart actor. Every write (re)registers the one-shot reminder <see cref="IdleExpiry"/>, due
/// <c>Cart:IdleExpiry</c> after the last write; when it fires the cart is gone.
/// </summary>
public sealed class CartActor : Actor, ICartActor, IRemindable
{
    public const string IdleExpiry = "idle-expiry";
    private const string State = "cart";

    private static readonly TimeSpan Once = TimeSpan.FromMilliseconds(-1);

    private readonly CartOptions _settings;

    // Dapr's runtime passes no state manager and the actor keeps its own; tests and the Embedded runtime pass one.
    public CartActor(ActorHost host, CartOptions settings, IActorStateManager? stateManager = null)
        : base(host)
    {
        _settings = settings;
        if (stateManager is not null)
        {
            StateManager = stateManager;
        }
    }

    public async Task<CartContents> GetAsync() =>
        (await StateManager.TryGetStateAsync<CartContents>(State)) is { HasValue: true } found ? found.Value : CartContents.Empty;

    public async Task<CartUpdate> AddAsync(CartItem item)
    {
        var cart = await GetAsync();
        var line = cart.Lines.FirstOrDefault(l => l.Slug == item.Slug);
        var quantity = (line?.Quantity ?? 0) + item.Quantity;
        if (item.Quantity < 1 || quantity > CartLimits.MaxQuantity)
        {
            return new CartUpdate(cart, CartRefusal.QuantityOutOfRange);
        }
        if (line is null && cart.Lines.Count >= CartLimits.MaxLines)
        {
            return new CartUpdate(cart, CartRefusal.TooManyLines);
        }
        var updated = line is null
            ? [.. cart.Lines, new CartLine(item.Slug, quantity, item.UnitPrice)]
            : Replace(cart, line with { Quantity = quantity });
        return new CartUpdate(await SaveAsync(updated), CartRefusal.None);
    }

    public async Task<CartUpdate> SetQuantityAsync(LineQuantity line)
    {
        var cart = await GetAsync();
        var existing = cart.Lines.FirstOrDefault(l => l.Slug == line.Slug);
        if (existing is null)
        {
            return new CartUpdate(cart, CartRefusal.NotInCart);
        }
        if (line.Quantity is < 1 or > CartLimits.MaxQuantity)
        {
            return new CartUpdate(cart, CartRefusal.QuantityOutOfRange);
        }
        return new CartUpdate(await SaveAsync(Replace(cart, existing with { Quantity = line.Quantity })), CartRefusal.None);
    }

    public async Task<CartContents> RemoveAsync(string slug)
    {
        var cart = await GetAsync();
        return cart.Lines.Any(l => l.Slug == slug) ? await SaveAsync([.. cart.Lines.Where(l => l.Slug != slug)]) : cart;
    }

    public async Task<CartContents> MergeAsync(CartContents other)
    {
        var lines = (await GetAsync()).Lines.ToList();
        foreach (var incoming in other.Lines.Where(l => l.Quantity > 0))
        {
            var index = lines.FindIndex(l => l.Slug == incoming.Slug);
            if (index >= 0)
            {
                lines[index] = lines[index] with { Quantity = Math.Min(CartLimits.MaxQuantity, lines[index].Quantity + incoming.Quantity) };
            }
            else if (lines.Count < CartLimits.MaxLines)
            {
                lines.Add(incoming with { Quantity = Math.Min(CartLimits.MaxQuantity, incoming.Quantity) });
            }
        }
        return other.Lines.Count == 0 ? new CartContents(lines) : await SaveAsync(lines);
    }

    public async Task ClearAsync()
    {
        await StateManager.TryRemoveStateAsync(State);
        await UnregisterReminderAsync(IdleExpiry);
    }

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        if (reminderName == IdleExpiry)
        {
            await StateManager.TryRemoveStateAsync(State);
        }
    }

    private async Task<CartContents> SaveAsync(IReadOnlyList<CartLine> lines)
    {
        var cart = new CartContents(lines);
        await StateManager.SetStateAsync(State, cart);
        await RegisterReminderAsync(IdleExpiry, [], _settings.IdleExpiry, Once);
        return cart;
    }

    private static List<CartLine> Replace(CartContents cart, CartLine line) =>
        [.. cart.Lines.Select(l => l.Slug == line.Slug ? line : l)];
}
