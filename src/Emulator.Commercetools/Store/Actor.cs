using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;

namespace Emulator.Commercetools.Store;

/// <summary>Who performs a write: becomes createdBy/lastModifiedBy (ClientLogging).</summary>
internal sealed record Actor(string ClientId, string? CustomerId, string? AnonymousId)
{
    public static Actor From(AccessToken token) => new(token.ClientId, token.CustomerId, token.AnonymousId);

    public JsonObject ToClientLogging()
    {
        var logging = new JsonObject { ["clientId"] = ClientId, ["isPlatformClient"] = false };
        if (CustomerId is not null)
        {
            logging["customer"] = new JsonObject { ["typeId"] = "customer", ["id"] = CustomerId };
        }

        if (AnonymousId is not null)
        {
            logging["anonymousId"] = AnonymousId;
        }

        return logging;
    }
}
