using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Actors.Runtime;
using GamesDrop.Bff.Features.Cart;
using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamesDrop.Bff.Tests.Features.Cart;

/// <summary>The BFF's Dapr profile, short of a sidecar: the cart actor is registered with Dapr's runtime and activates from its services.</summary>
public sealed class CartDaprProfileTests
{
    [Fact]
    public async Task Daprs_runtime_has_the_cart_actor_and_activates_it_from_the_bffs_services()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddBuildingBlocks(new HostIdentity(AppIds.Bff, RuntimeProfile.Dapr, [AppIds.Bff]));
        builder.AddBff();
        await using var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptions<ActorRuntimeOptions>>().Value;
        var registration = options.Actors.Single();

        var activated = await app.Services.GetRequiredService<ActorActivatorFactory>().CreateActivator(registration.Type)
            .CreateAsync(ActorHost.CreateForTest<CartActor>(new ActorTestOptions { ActorId = new ActorId("user-1") }));

        (registration.Type.ActorTypeName, options.UseJsonSerialization).Should().Be((CartOwners.ActorType, true));
        activated.Actor.Should().BeOfType<CartActor>();
        app.Services.GetRequiredService<IActorProxies>().Create<ICartActor>(CartOwners.ActorType, "user-1").Should().BeAssignableTo<ActorProxy>();
    }
}
