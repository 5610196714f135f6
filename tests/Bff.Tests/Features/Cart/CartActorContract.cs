using GamesDrop.Bff.Features.Cart;

namespace GamesDrop.Bff.Tests.Features.Cart;

/// <summary>What a cart actor does, the same whether Dapr's test host or the Embedded runtime runs it.</summary>
public abstract class CartActorContract
{
    protected static readonly TimeSpan IdleExpiry = TimeSpan.FromDays(30);

    private readonly string _id = "user-" + Guid.NewGuid();

    protected abstract ICartActor Cart(string actorId);

    /// <summary>When the cart's idle expiry is due, or null if none is registered.</summary>
    protected abstract Task<TimeSpan?> ExpiryDueInAsync(string actorId);

    /// <summary>Lets the idle expiry come due and fire.</summary>
    protected abstract Task ExpireAsync(string actorId);

    private ICartActor Mine => Cart(_id);

    [Fact]
    public async Task Adding_a_product_twice_adds_up_and_keeps_the_first_price()
    {
        await Mine.AddAsync(new CartItem("elden-ring", 2, 30m));

        var update = await Mine.AddAsync(new CartItem("elden-ring", 3, 35m));

        update.Refusal.Should().Be(CartRefusal.None);
        (await Mine.GetAsync()).Lines.Should().Equal(new CartLine("elden-ring", 5, 30m));
    }

    [Fact]
    public async Task Quantities_stay_between_1_and_10_per_line()
    {
        await Mine.AddAsync(new CartItem("elden-ring", 8, 30m));

        var refusals = new[]
        {
            (await Mine.AddAsync(new CartItem("hades", 0, 20m))).Refusal,
            (await Mine.AddAsync(new CartItem("hades", 11, 20m))).Refusal,
            (await Mine.AddAsync(new CartItem("elden-ring", 3, 30m))).Refusal,
            (await Mine.SetQuantityAsync(new LineQuantity("elden-ring", 0))).Refusal,
            (await Mine.SetQuantityAsync(new LineQuantity("elden-ring", 11))).Refusal,
        };

        refusals.Should().AllBeEquivalentTo(CartRefusal.QuantityOutOfRange);
        (await Mine.GetAsync()).Lines.Should().Equal(new CartLine("elden-ring", 8, 30m));
        (await Mine.SetQuantityAsync(new LineQuantity("elden-ring", 10))).Cart.Lines.Should().Equal(new CartLine("elden-ring", 10, 30m));
    }

    [Fact]
    public async Task A_cart_holds_at_most_50_products()
    {
        for (var i = 0; i < CartLimits.MaxLines; i++)
        {
            (await Mine.AddAsync(new CartItem($"game-{i}", 1, 1m))).Refusal.Should().Be(CartRefusal.None);
        }

        var fiftyFirst = await Mine.AddAsync(new CartItem("one-too-many", 1, 1m));
        var more = await Mine.AddAsync(new CartItem("game-0", 1, 1m));

        fiftyFirst.Refusal.Should().Be(CartRefusal.TooManyLines);
        more.Refusal.Should().Be(CartRefusal.None);
        (await Mine.GetAsync()).Lines.Should().HaveCount(CartLimits.MaxLines);
    }

    [Fact]
    public async Task Changing_or_removing_a_line_touches_only_that_line()
    {
        await Mine.AddAsync(new CartItem("elden-ring", 1, 30m));
        await Mine.AddAsync(new CartItem("hades", 1, 20m));

        var missing = await Mine.SetQuantityAsync(new LineQuantity("celeste", 2));
        await Mine.SetQuantityAsync(new LineQuantity("hades", 4));
        await Mine.RemoveAsync("elden-ring");
        await Mine.RemoveAsync("celeste");

        missing.Refusal.Should().Be(CartRefusal.NotInCart);
        (await Mine.GetAsync()).Lines.Should().Equal(new CartLine("hades", 4, 20m));
    }

    [Fact]
    public async Task Merging_adds_quantities_up_to_10_and_appends_new_lines()
    {
        await Mine.AddAsync(new CartItem("elden-ring", 7, 30m));

        var merged = await Mine.MergeAsync(new CartContents([new CartLine("elden-ring", 5, 28m), new CartLine("hades", 2, 20m)]));

        merged.Lines.Should().Equal(new CartLine("elden-ring", 10, 30m), new CartLine("hades", 2, 20m));
        (await Mine.GetAsync()).Should().BeEquivalentTo(merged);
    }

    [Fact]
    public async Task Clearing_empties_the_cart_and_drops_its_expiry()
    {
        await Mine.AddAsync(new CartItem("elden-ring", 1, 30m));

        await Mine.ClearAsync();

        (await Mine.GetAsync()).Lines.Should().BeEmpty();
        (await ExpiryDueInAsync(_id)).Should().BeNull();
    }

    [Fact]
    public async Task Every_write_sets_the_idle_expiry_and_when_it_fires_the_cart_is_gone()
    {
        (await ExpiryDueInAsync(_id)).Should().BeNull("reading a cart is no write");
        await Mine.AddAsync(new CartItem("elden-ring", 1, 30m));
        var due = await ExpiryDueInAsync(_id);

        await ExpireAsync(_id);

        due.Should().BeCloseTo(IdleExpiry, TimeSpan.FromMinutes(1));
        (await Mine.GetAsync()).Lines.Should().BeEmpty();
    }

    [Fact]
    public async Task Carts_are_kept_apart_by_actor_id()
    {
        await Mine.AddAsync(new CartItem("elden-ring", 1, 30m));

        (await Cart("anon-" + Guid.NewGuid()).GetAsync()).Lines.Should().BeEmpty();
    }
}
