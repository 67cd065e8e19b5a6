using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

internal static class RequestBody
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Errors.InvalidJsonInput("No content to map due to end-of-input");
        }

        return JsonUtil.Parse(text);
    }

    /// <summary>Reads <c>{version, actions}</c> of an update request.</summary>
    public static (long Version, List<JsonObject> Actions) ReadUpdate(JsonObject body)
    {
        var version = JsonUtil.OptLong(body, "version") ?? throw Errors.InvalidJsonInput("version: Missing required value");
        var actions = JsonUtil.OptArray(body, "actions") ?? throw Errors.InvalidJsonInput("actions: Missing required value");
        if (actions.Count > 500)
        {
            throw Errors.InvalidInput("At most 500 update actions are allowed per request.");
        }

        var list = JsonUtil.Objects(actions, "actions").ToList();
        foreach (var action in list)
        {
            _ = JsonUtil.OptString(action, "action", "actions.action") ?? throw Errors.InvalidJsonInput("actions.action: Missing required value");
        }

        return (version, list);
    }

    public static long ReadVersionQuery(HttpRequest request)
    {
        var raw = request.Query["version"].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            throw Errors.InvalidInput("Missing required query parameter: version.");
        }

        return long.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Errors.InvalidInput($"Malformed parameter: version: '{raw}' is not a number.");
    }
}
