using System.Text.Json.Serialization;

namespace Connector.Commercetools.Models;

/// <summary>
/// Who created or last modified a resource (<c>createdBy</c> / <c>lastModifiedBy</c>): the API client, and the
/// customer (password-flow token) or anonymous session (anonymous token) when a shopper's token made the change.
/// </summary>
public sealed record ClientLogging
{
    public string? ClientId { get; set; }

    public string? ExternalUserId { get; set; }

    public Reference? Customer { get; set; }

    public string? AnonymousId { get; set; }

    /// <summary>True when a shopper's token (password flow or anonymous session) made the change.</summary>
    [JsonIgnore]
    public bool IsShopper => Customer is not null || !string.IsNullOrEmpty(AnonymousId);
}
