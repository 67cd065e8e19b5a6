using System.Collections.Concurrent;
using Connector.Commercetools;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>
/// Resolves custom type keys to ids (extension payloads reference types by id only), cached for the process lifetime
/// once found: type ids never change for a key short of deleting the type.
/// </summary>
internal sealed class TypeIdResolver(CommercetoolsClient commercetools)
{
    private readonly ConcurrentDictionary<string, string> _ids = new(StringComparer.Ordinal);

    /// <summary>The type id, or null when it cannot be determined now.</summary>
    public async ValueTask<string?> ResolveAsync(string key, CancellationToken cancellationToken)
    {
        if (_ids.TryGetValue(key, out var id))
        {
            return id;
        }

        try
        {
            var type = await commercetools.Types.GetByKeyAsync(key, cancellationToken);
            if (type is not null)
            {
                _ids[key] = type.Id;
            }

            return type?.Id;
        }
        catch (CommercetoolsApiException)
        {
            return null;
        }
    }
}
