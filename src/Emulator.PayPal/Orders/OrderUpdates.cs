using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Orders;

/// <summary>PATCH of orders and trackers, and adding trackers. Every public method expects to run under <see cref="EmulatorStore.Gate"/>.</summary>
internal sealed partial class OrderUpdates(EmulatorStore store, OrderService orders)
{
    private static readonly HashSet<string> ReplaceableFields =
        ["amount", "items", "invoice_id", "custom_id", "description", "soft_descriptor", "shipping/name", "shipping/address", "shipping/type", "shipping/options", "payee/email_address", "payee/email"];

    private static readonly HashSet<string> RemovableFields = ["items", "invoice_id", "custom_id", "description", "soft_descriptor", "shipping/options"];

    public ApiResponse PatchOrder(ApiRequest request, string id)
    {
        var order = orders.Find(id, request.ClientId);
        var operations = request.ArrayBody ?? throw new PayPalApiException(400, "MALFORMED_REQUEST_JSON", description: "The request body must be a JSON Patch array.");
        if (order.Status is not (OrderStatus.Created or OrderStatus.Approved or OrderStatus.PayerActionRequired))
        {
            throw PayPalApiException.Unprocessable("ORDER_ALREADY_COMPLETED", description: "The order cannot be patched after it is completed.");
        }

        var intent = order.Intent;
        var drafts = order.Units.ToDictionary(u => u.ReferenceId, u => u.Data, StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] as JsonObject ?? throw PayPalApiException.Syntax($"/{i}", operations[i]?.ToJsonString());
            var op = JsonRead.OptString(operation, "op", $"/{i}") ?? throw PayPalApiException.Missing($"/{i}/op");
            var path = JsonRead.OptString(operation, "path", $"/{i}") ?? throw PayPalApiException.Missing($"/{i}/path");
            if (op is not ("add" or "remove" or "replace" or "move" or "copy" or "test"))
            {
                throw new PayPalApiException(400, "INVALID_PATCH_OPERATION", $"/{i}/op", op, "body", "The operation cannot be honored. Cannot add a property that's already present, use replace. Cannot remove a property that's not present, use add. Cannot replace a property that's not present, use add.");
            }

            if (op is "move" or "copy" or "test")
            {
                throw new PayPalApiException(400, "INVALID_PATCH_OPERATION", $"/{i}/op", op, "body", "Only add, replace and remove are supported on orders.");
            }

            var value = operation["value"];
            if (op != "remove" && value is null)
            {
                throw PayPalApiException.Missing($"/{i}/value");
            }

            if (path == "/intent")
            {
                var newIntent = op == "replace" && value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
                intent = newIntent is "CAPTURE" or "AUTHORIZE" ? newIntent : throw PayPalApiException.Invalid($"/{i}/value", value?.ToJsonString());
                continue;
            }

            var match = UnitPath().Match(path);
            if (!match.Success)
            {
                throw PayPalApiException.Unprocessable("INVALID_JSON_POINTER_FORMAT", $"/{i}/path", path, "Path should be a valid JSON Pointer https://tools.ietf.org/html/rfc6901 that references a location within the request where the operation is performed.");
            }

            var referenceId = match.Groups["ref"].Success
                ? match.Groups["ref"].Value
                : order.Units.ElementAtOrDefault(int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture))?.ReferenceId ?? "#" + match.Groups["index"].Value;
            if (!drafts.TryGetValue(referenceId, out var draft))
            {
                throw PayPalApiException.Unprocessable("REFERENCE_ID_NOT_FOUND", $"/{i}/path", path, "Filter expression value is incorrect. Please check the value of the reference_id in the path.");
            }

            var field = match.Groups["field"].Value;
            var allowed = op == "remove" ? RemovableFields : ReplaceableFields;
            if (!ReplaceableFields.Contains(field))
            {
                throw new PayPalApiException(400, "FIELD_NOT_PATCHABLE", $"/{i}/path", path, "body", "Field cannot be patched.");
            }

            if (!allowed.Contains(field))
            {
                throw new PayPalApiException(400, "INVALID_PATCH_OPERATION", $"/{i}/op", op, "body", "The operation cannot be honored for this field.");
            }

            // The docs name the payee's e-mail `payee/email`; the field itself is `email_address`.
            Apply(draft, field == "payee/email" ? "payee/email_address" : field, op, value);
        }

        var validated = order.Units.Select(u => PurchaseUnitValidator.Validate(drafts[u.ReferenceId], request.ClientId)).ToList();
        order.Intent = intent;
        order.Units = validated;
        order.UpdateTime = store.Now;
        return ApiResponse.NoContent;
    }

    private static void Apply(JsonObject draft, string field, string op, JsonNode? value)
    {
        var segments = field.Split('/');
        var parent = draft;
        foreach (var segment in segments[..^1])
        {
            if (parent[segment] is not JsonObject child)
            {
                child = [];
                parent[segment] = child;
            }

            parent = child;
        }

        if (op == "remove")
        {
            parent.Remove(segments[^1]);
        }
        else
        {
            parent[segments[^1]] = JsonOut.CloneWithoutNulls(value);
        }
    }

    public ApiResponse Track(ApiRequest request, string id)
    {
        var order = orders.Find(id, request.ClientId);
        var body = request.Body ?? throw PayPalApiException.Missing("/capture_id");
        var captureId = JsonRead.ReqString(body, "capture_id", string.Empty);
        var capture = order.Units.SelectMany(u => u.Captures).FirstOrDefault(c => c.Id == captureId)
            ?? throw PayPalApiException.Unprocessable("CAPTURE_ID_NOT_FOUND", "/capture_id", captureId, "Specified capture ID does not exist. Check the capture ID and try again.");
        if (capture.Status is not ("COMPLETED" or "PARTIALLY_REFUNDED" or "PENDING"))
        {
            throw PayPalApiException.Unprocessable("CAPTURE_STATUS_NOT_VALID", "/capture_id", captureId, "Invalid capture status. Tracker information can only be added to captures in `COMPLETED` state.");
        }

        var trackingNumber = JsonRead.OptString(body, "tracking_number", string.Empty);
        var carrier = JsonRead.OptString(body, "carrier", string.Empty);
        var carrierOther = JsonRead.OptString(body, "carrier_name_other", string.Empty);
        if (carrier == "OTHER" && carrierOther is null)
        {
            throw PayPalApiException.Missing("/carrier_name_other");
        }

        if (trackingNumber is not null && carrier is null)
        {
            throw PayPalApiException.Missing("/carrier");
        }

        var items = JsonRead.OptArray(body, "items", string.Empty);
        var skus = capture.Unit.Data["items"]?.AsArray().Select(i => i?["sku"]?.ToString()).Where(s => s is not null).ToHashSet() ?? [];
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var sku = JsonRead.OptString(items![i], "sku", $"/items/{i}");
            if (sku is not null && skus.Count > 0 && !skus.Contains(sku))
            {
                throw PayPalApiException.Unprocessable("ITEM_SKU_MISMATCH", $"/items/{i}/sku", sku, "Item sku must match one of the items sku that was provided during order creation.");
            }
        }

        var now = store.Now;
        var trackerId = captureId + "-" + (trackingNumber ?? "NO_TRACKING_NUMBER");
        capture.Unit.Trackers.RemoveAll(t => t.Id == trackerId);
        capture.Unit.Trackers.Add(new Tracker
        {
            Id = trackerId,
            CaptureId = captureId,
            Status = "SHIPPED",
            TrackingNumber = trackingNumber,
            Carrier = carrier,
            CarrierNameOther = carrierOther,
            NotifyPayer = JsonRead.OptBool(body, "notify_payer", string.Empty) ?? false,
            Items = items is null ? null : (JsonArray?)JsonOut.CloneWithoutNulls(items),
            CreateTime = now,
            UpdateTime = now,
        });
        order.UpdateTime = now;
        return new ApiResponse(201, OrderJson.Render(order, request.BaseUrl));
    }

    public ApiResponse PatchTracker(ApiRequest request, string id, string trackerId)
    {
        var order = orders.Find(id, request.ClientId);
        var tracker = order.Units.SelectMany(u => u.Trackers).FirstOrDefault(t => t.Id == trackerId)
            ?? throw new PayPalApiException(404, "TRACKER_ID_NOT_FOUND", "tracker_id", trackerId, "path", "Specified tracker ID does not exist. Check the tracker ID and try again.");
        var operations = request.ArrayBody ?? throw new PayPalApiException(400, "MALFORMED_REQUEST_JSON", description: "The request body must be a JSON Patch array.");
        var items = tracker.Items;
        var notify = tracker.NotifyPayer;
        var status = tracker.Status;
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] as JsonObject ?? throw PayPalApiException.Syntax($"/{i}", operations[i]?.ToJsonString());
            var op = JsonRead.ReqString(operation, "op", $"/{i}");
            var path = JsonRead.ReqString(operation, "path", $"/{i}");
            var value = operation["value"] ?? throw PayPalApiException.Missing($"/{i}/value");
            switch (path, op)
            {
                case ("/items", "replace"):
                    items = value as JsonArray ?? throw PayPalApiException.Syntax($"/{i}/value", value.ToJsonString());
                    break;
                case ("/notify_payer", "replace" or "add"):
                    notify = value.GetValueKind() switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw PayPalApiException.Syntax($"/{i}/value", value.ToJsonString()),
                    };
                    break;
                case ("/status", "replace"):
                    status = value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == "CANCELLED"
                        ? "CANCELLED"
                        : throw PayPalApiException.Invalid($"/{i}/value", value.ToJsonString(), "A tracker's status can only be replaced with CANCELLED.");
                    break;
                case ("/items" or "/notify_payer" or "/status", _):
                    throw new PayPalApiException(400, "INVALID_PATCH_OPERATION", $"/{i}/op", op, "body", "The operation cannot be honored for this field.");
                default:
                    throw new PayPalApiException(400, "FIELD_NOT_PATCHABLE", $"/{i}/path", path, "body", "Field cannot be patched.");
            }
        }

        tracker.Items = items is null ? null : (JsonArray?)JsonOut.CloneWithoutNulls(items);
        tracker.NotifyPayer = notify;
        tracker.Status = status;
        tracker.UpdateTime = store.Now;
        return ApiResponse.NoContent;
    }

    [GeneratedRegex(@"^/purchase_units/(?:@reference_id=='(?<ref>[^']*)'|(?<index>\d+))/(?<field>.+)$")]
    private static partial Regex UnitPath();
}
