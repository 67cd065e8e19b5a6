namespace Emulator.PayPal.Infrastructure;

/// <summary>
/// Something one REST app (client id) created. Another app must not see it at all: PayPal answers as if the id did not
/// exist, so every lookup by id goes through <see cref="OwnedResources.FindOwned{T}"/>.
/// </summary>
internal abstract class OwnedResource
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }
}

internal static class OwnedResources
{
    /// <summary>The resource with this id if <paramref name="clientId"/> owns it; otherwise 404 naming <paramref name="idField"/>.</summary>
    public static T FindOwned<T>(this IReadOnlyDictionary<string, T> resources, string id, string clientId, string idField)
        where T : OwnedResource =>
        resources.TryGetValue(id, out var resource) && resource.ClientId == clientId ? resource : throw PayPalApiException.NotFound(idField, id);
}
