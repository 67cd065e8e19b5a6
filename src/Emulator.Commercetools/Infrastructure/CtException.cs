using System.Text.Json.Nodes;

namespace Emulator.Commercetools.Infrastructure;

/// <summary>A commercetools error response: status code plus the <c>errors[]</c> of the envelope.</summary>
internal sealed class CtException : Exception
{
    public CtException(int statusCode, IReadOnlyList<JsonObject> errors, JsonObject? extras = null)
        : base(errors.Count > 0 ? (string?)errors[0]["message"] ?? "Error" : "Error")
    {
        StatusCode = statusCode;
        Errors = errors;
        Extras = extras;
    }

    public CtException(int statusCode, JsonObject error, JsonObject? extras = null)
        : this(statusCode, [error], extras)
    {
    }

    public int StatusCode { get; }

    public IReadOnlyList<JsonObject> Errors { get; }

    /// <summary>Top-level fields besides statusCode/message/errors (OAuth's <c>error</c>, <c>error_description</c>).</summary>
    public JsonObject? Extras { get; }

    public JsonObject ToBody()
    {
        var body = new JsonObject
        {
            ["statusCode"] = StatusCode,
            ["message"] = Message,
            ["errors"] = new JsonArray(Errors.Select(e => (JsonNode)e.DeepClone()).ToArray()),
        };
        if (Extras is not null)
        {
            foreach (var (name, value) in Extras)
            {
                body[name] = value?.DeepClone();
            }
        }

        JsonUtil.StripNulls(body);
        return body;
    }
}
