using System.Text.Json;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.MyPayments;

/// <summary>The customer or anonymous session a <c>/me</c> token speaks for.</summary>
internal sealed record Owner(string? CustomerId, string? AnonymousId)
{
    public static Owner From(HttpContext http)
    {
        var token = ApiAuthMiddleware.GetToken(http);
        if (token.CustomerId is null && token.AnonymousId is null)
        {
            var projectKey = http.Service<EmulatorOptions>().ProjectKey;
            throw ApiAuthMiddleware.InsufficientScope(["customer_id", "anonymous_id"], projectKey);
        }

        return new Owner(token.CustomerId, token.AnonymousId);
    }

    private static readonly string[] CustomerIdPath = ["customer", "id"];
    private static readonly string[] CartCustomerIdPath = ["customerId"];
    private static readonly string[] AnonymousIdPath = ["anonymousId"];

    /// <summary>The owner's documents in creation order, found through indexes (not a scan of the collection).</summary>
    public IEnumerable<StoredResource> OwnedIn(ResourceCollection collection)
    {
        IEnumerable<StoredResource> candidates = CustomerId is not null
            ? collection.WithValue(CustomerIdPath, CustomerId).Concat(collection.WithValue(CartCustomerIdPath, CustomerId))
                .DistinctBy(r => r.Id).OrderBy(r => r.Sequence)
            : collection.WithValue(AnonymousIdPath, AnonymousId!);
        return candidates.Where(r => Owns(r.Body));
    }

    /// <summary>Payments reference the customer; carts and orders carry <c>customerId</c>.</summary>
    public bool Owns(JsonElement resource)
    {
        if (CustomerId is not null)
        {
            if (resource.TryGetProperty("customer", out var customer))
            {
                return customer.GetProperty("id").GetString() == CustomerId;
            }

            return resource.TryGetProperty("customerId", out var customerId) && customerId.GetString() == CustomerId;
        }

        return resource.TryGetProperty("anonymousId", out var anonymous) && anonymous.GetString() == AnonymousId;
    }
}
