using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KzRights.Data;

/// <summary>How a configuration section becomes options, the same way for every section: bound with
/// <c>BindConfiguration</c>, checked at start by its data annotations (and any further rule chained on the returned
/// builder), and registered as the plain class its consumers take.</summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>Checks every section registered with <see cref="AddValidatedOptions{TOptions}"/> now, instead of when the
    /// host starts listening: a bad setting throws one exception naming it (an <see cref="OptionsValidationException"/>,
    /// or the binder's <see cref="InvalidOperationException"/> for a value of the wrong type) before any other work.</summary>
    public static void ValidateSettings(this IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();
}
