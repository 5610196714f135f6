using Dapr.Actors.Runtime;
using GamesDrop.BuildingBlocks.Actors.Dapr;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Actors;

public static class ActorsExtensions
{
    /// <summary>
    /// Hosts the actors <paramref name="configure"/> registers for app <paramref name="appId"/>, and gives callers
    /// <see cref="IActorProxies"/>. Dapr: the Dapr.Actors runtime (the host calls <see cref="MapActorHosting"/>). Embedded: the
    /// Embedded runtime's in-process turns.
    /// </summary>
    public static IServiceCollection AddActorHosting(this IServiceCollection services, string appId, Action<ActorRuntimeOptions> configure)
    {
        var host = HostIdentity.Registered(services, nameof(AddActorHosting));
        // Both sides JSON, so actor methods take and return plain records (remoting's default is DataContract).
        void Options(ActorRuntimeOptions o)
        {
            o.UseJsonSerialization = true;
            configure(o);
        }

        if (host.Profile == RuntimeProfile.Dapr)
        {
            services.AddActors(Options);
            services.AddSingleton<IActorProxies, DaprActorProxies>();
            return services;
        }
        var options = new ActorRuntimeOptions();
        Options(options);
        IEmbeddedRuntime.Registered(services).AddActors(services, appId, options);
        return services;
    }

    /// <summary>
    /// Dapr: the endpoints daprd calls to run the actors (<c>/dapr/config</c>, <c>/actors/...</c>), behind the app token as
    /// every internal endpoint is: otherwise anything on the network could read or clear a cart whose id it knows. Dapr
    /// docs, "Authenticate requests from Dapr using token authentication": daprd sends APP_API_TOKEN on every call to the
    /// app. Embedded runs actors in-process and maps nothing.
    /// </summary>
    public static WebApplication MapActorHosting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Dapr)
        {
            app.MapActorsHandlers().RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy);
        }
        return app;
    }
}
