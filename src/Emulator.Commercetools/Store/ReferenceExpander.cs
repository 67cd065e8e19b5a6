using System.Globalization;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Payments;
using Emulator.Commercetools.PaymentMethods;

namespace Emulator.Commercetools.Store;

/// <summary>
/// Reference expansion (<c>expand=customer</c>, <c>expand=paymentInfo.payments[*]</c>, nested <c>a.b</c> through
/// expanded objects). Expanded payments and payment methods carry a masked token, as commercetools does.
/// Unresolvable paths are ignored.
/// </summary>
internal static class ReferenceExpander
{
    private const int MaxPaths = 10;

    public static JsonObject Expand(JsonObject resource, IReadOnlyList<string> paths, ResourceStore store)
    {
        foreach (var path in paths.Take(MaxPaths))
        {
            var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length > 0)
            {
                Walk(resource, segments, 0, store);
            }
        }

        return resource;
    }

    private static void Walk(JsonNode? node, string[] segments, int index, ResourceStore store)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        // Descending through an already expanded reference continues in its obj.
        if (IsReference(obj) && obj["obj"] is JsonObject expanded)
        {
            Walk(expanded, segments, index, store);
            return;
        }

        var segment = segments[index];
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? segment[..bracket] : segment;
        var indexer = bracket >= 0 ? segment[(bracket + 1)..].TrimEnd(']') : null;
        var child = obj[name];
        var last = index == segments.Length - 1;

        IEnumerable<JsonNode?> targets = child switch
        {
            JsonArray array when indexer == "*" => array.ToList(),
            JsonArray array when int.TryParse(indexer, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < array.Count => [array[i]],
            JsonArray => [],
            _ when indexer is not null => [],
            _ => [child],
        };

        foreach (var target in targets)
        {
            if (target is not JsonObject targetObject)
            {
                continue;
            }

            if (IsReference(targetObject))
            {
                Resolve(targetObject, store);
            }

            if (!last)
            {
                Walk(targetObject, segments, index + 1, store);
            }
        }
    }

    private static bool IsReference(JsonObject obj) => obj["typeId"] is JsonValue && obj["id"] is JsonValue;

    private static void Resolve(JsonObject reference, ResourceStore store)
    {
        if (reference["obj"] is not null)
        {
            return;
        }

        var typeId = (string)reference["typeId"]!;
        var stored = store.Collection(typeId).Get((string)reference["id"]!);
        if (stored is null)
        {
            return;
        }

        var obj = Infrastructure.JsonUtil.ToObject(stored.Body);
        reference["obj"] = typeId switch
        {
            "payment" => PaymentBehavior.MaskToken(obj),
            "payment-method" => PaymentMethodBehavior.Masked(obj),
            "customer" => WithoutPassword(obj),
            _ => obj,
        };
    }

    private static JsonObject WithoutPassword(JsonObject customer)
    {
        customer.Remove("password");
        return customer;
    }
}
