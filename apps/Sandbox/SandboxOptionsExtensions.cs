using Microsoft.Extensions.Options;

namespace GamesDrop.Sandbox;

internal static class SandboxOptionsExtensions
{
    /// <summary>
    /// Binds one settings class to its section and checks it at start, so a missing credential stops the
    /// sandbox with its key named instead of failing the first call; handlers then take the class itself.
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }
}
