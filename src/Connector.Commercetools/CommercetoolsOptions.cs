using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Connector.Commercetools;

/// <summary>
/// Where and as whom the connector talks to commercetools. Bound from the <c>Commercetools</c> section, which the
/// host also fills from the variables of the TypeScript connector (<c>CTP_PROJECT_KEY</c>, <c>CTP_CLIENT_ID</c>, ...).
/// </summary>
public sealed class CommercetoolsOptions
{
    public const string SectionName = "Commercetools";

    /// <summary>The project key (<c>CTP_PROJECT_KEY</c>).</summary>
    [Required]
    public string ProjectKey { get; set; } = "";

    /// <summary>API client id (<c>CTP_CLIENT_ID</c>).</summary>
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>API client secret (<c>CTP_CLIENT_SECRET</c>). Never logged.</summary>
    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>Space-separated scopes to request (<c>CTP_SCOPE</c>); empty asks for the client's own scopes.</summary>
    public string? Scope { get; set; }

    /// <summary>Region such as <c>europe-west1.gcp</c> (<c>CTP_REGION</c>); used when no explicit URLs are set.</summary>
    public string? Region { get; set; }

    /// <summary>Explicit API base URL without the project key (<c>CTP_API_URL</c>), e.g. an emulator.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Explicit auth base URL (<c>CTP_AUTH_URL</c>).</summary>
    public string? AuthUrl { get; set; }

    /// <summary>The API base, ending in <c>/{projectKey}/</c>, so relative resource paths resolve under it.</summary>
    public Uri ProjectBaseUri => new(EnsureSlash(ResolveApiUrl()) + Uri.EscapeDataString(ProjectKey) + "/");

    /// <summary>The auth host base, ending in <c>/</c>.</summary>
    public Uri AuthBaseUri => new(EnsureSlash(ResolveAuthUrl()));

    internal string ResolveApiUrl() =>
        !string.IsNullOrWhiteSpace(ApiUrl) ? ApiUrl!
        : !string.IsNullOrWhiteSpace(Region) ? $"https://api.{Region}.commercetools.com"
        : throw new InvalidOperationException("Set Commercetools:ApiUrl (CTP_API_URL) or Commercetools:Region (CTP_REGION).");

    internal string ResolveAuthUrl() =>
        !string.IsNullOrWhiteSpace(AuthUrl) ? AuthUrl!
        : !string.IsNullOrWhiteSpace(Region) ? $"https://auth.{Region}.commercetools.com"
        : throw new InvalidOperationException("Set Commercetools:AuthUrl (CTP_AUTH_URL) or Commercetools:Region (CTP_REGION).");

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";

    /// <summary>Checks what data annotations cannot: that the URLs resolve and are absolute.</summary>
    public IEnumerable<string> Validate()
    {
        string? api = null, auth = null;
        try { api = ResolveApiUrl(); auth = ResolveAuthUrl(); }
        catch (InvalidOperationException e) { return [e.Message]; }
        var errors = new List<string>();
        if (!Uri.TryCreate(api, UriKind.Absolute, out _)) errors.Add($"Commercetools API URL '{api}' is not an absolute URL.");
        if (!Uri.TryCreate(auth, UriKind.Absolute, out _)) errors.Add($"Commercetools auth URL '{auth}' is not an absolute URL.");
        return errors;
    }
}

/// <summary>The data-annotation checks of <see cref="CommercetoolsOptions"/>, generated at compile time (trim- and AOT-safe).</summary>
[OptionsValidator]
internal sealed partial class CommercetoolsOptionsValidator : IValidateOptions<CommercetoolsOptions>;
