using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GamesDrop.ServiceDefaults.Settings;

/// <summary>The one way an app reads its settings: a class per feature, bound to its section and checked at start.</summary>
public static class SettingsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> and checks its data annotations when the host starts,
    /// so a missing or wrong setting stops the app with its full key named (<c>Section:Member</c>) instead of failing the
    /// first request that needs it. Consumers take the class itself. Calling it again for the same class adds nothing.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new KeyNamingValidator<T>(section)));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    // ValidateDataAnnotations names only the class and the member; an operator sets keys, so name the key.
    private sealed class KeyNamingValidator<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.Select(e => $"{section}:{string.Join(", ", e.MemberNames)}: {e.ErrorMessage}"));
        }
    }
}
