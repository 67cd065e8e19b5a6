using Microsoft.Extensions.Options;

namespace Connector.Service.Admin;

/// <summary>Registers the settings page's services.</summary>
internal static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>()
            .BindConfiguration("Connector")
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.AdminToken) && Environment.GetEnvironmentVariable(AdminOptions.TokenVariable) is { Length: > 0 } token)
                {
                    o.AdminToken = token;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton<AdminLoginThrottle>();
        services.AddSingleton<AdminAuthenticator>();
        services.AddSingleton<AdminSessionRevocations>();
        services.AddTransient<SettingsStore>();
        return services;
    }
}

/// <summary>Names each configuration mistake at start-up.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
