using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Extensions;

/// <summary>Calls API Extensions over HTTP (named client <c>ct-extensions</c>) and maps their answers to commercetools semantics.</summary>
internal sealed partial class ExtensionInvoker(ResourceStore store, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<ExtensionInvoker> logger)
{
    public const string HttpClientName = "ct-extensions";
    public const int DefaultTimeoutInMs = 2000;

    /// <summary>Extensions triggered by <paramref name="action"/> on the resource, conditions evaluated on the resource after the caller's actions.</summary>
    public IReadOnlyList<JsonElement> Matching(string extensionTypeId, string action, JsonObject resource)
    {
        var extensions = store.Collection("extension").All();
        if (extensions.Count == 0)
        {
            return [];
        }

        var element = JsonUtil.ToElement(resource);
        var result = new List<JsonElement>();
        foreach (var extension in extensions)
        {
            foreach (var trigger in extension.Body.GetProperty("triggers").EnumerateArray())
            {
                if (trigger.GetProperty("resourceTypeId").GetString() != extensionTypeId
                    || !trigger.GetProperty("actions").EnumerateArray().Any(a => a.GetString() == action))
                {
                    continue;
                }

                if (trigger.TryGetProperty("condition", out var condition) && condition.GetString() is { Length: > 0 } text
                    && !ConditionHolds(extension.Body, text, element))
                {
                    continue;
                }

                result.Add(extension.Body);
                break;
            }
        }

        return result;
    }

    private static bool ConditionHolds(JsonElement extension, string condition, JsonElement resource)
    {
        try
        {
            var predicate = PredicateParser.Parse(condition);
            return new PredicateEvaluator(PredicateEvaluator.NoVariables, strict: true).Evaluate(predicate, resource);
        }
        catch (Exception ex) when (ex is PredicateFieldMissingException or PredicateSyntaxException or PredicateSemanticException)
        {
            throw new CtException(400, Errors.Error("ExtensionPredicateEvaluationFailed",
                ex is PredicateFieldMissingException ? ex.Message : $"The condition of the extension could not be evaluated: {ex.Message}",
                new JsonObject { ["errorByExtension"] = ExtensionRef(extension) }));
        }
    }

    /// <summary>Calls one Extension; returns the update actions it asked for, or throws the error the caller must get.</summary>
    public async Task<List<JsonObject>> CallAsync(JsonElement extension, string extensionTypeId, string action, JsonObject resource, JsonObject? oldResource, CancellationToken cancellationToken)
    {
        var destination = extension.GetProperty("destination");
        var timeout = extension.TryGetProperty("timeoutInMs", out var t) ? t.GetInt32() : DefaultTimeoutInMs;
        var url = destination.TryGetProperty("url", out var u) ? u.GetString() : null;
        if (url is null)
        {
            // AWSLambda destinations cannot be reached offline.
            throw NoResponse(extension);
        }

        var payload = new JsonObject
        {
            ["action"] = action,
            ["resource"] = new JsonObject
            {
                ["typeId"] = extensionTypeId,
                ["id"] = resource["id"]?.DeepClone(),
                ["obj"] = WithExpansions(extension, (JsonObject)resource.DeepClone()),
            },
        };
        if (action == "Update" && oldResource is not null && extension.TryGetProperty("additionalContext", out var context)
            && context.TryGetProperty("includeOldResource", out var include) && include.ValueKind == JsonValueKind.True)
        {
            payload["oldResource"] = new JsonObject { ["typeId"] = extensionTypeId, ["id"] = oldResource["id"]?.DeepClone(), ["obj"] = oldResource.DeepClone() };
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", $"projects/emulator/extension/{Guid.NewGuid()}");
        if (destination.TryGetProperty("authentication", out var auth))
        {
            switch (auth.GetProperty("type").GetString())
            {
                case "AuthorizationHeader":
                    request.Headers.TryAddWithoutValidation("Authorization", auth.GetProperty("headerValue").GetString());
                    break;
                case "AzureFunctions":
                    request.Headers.TryAddWithoutValidation("x-functions-key", auth.GetProperty("key").GetString());
                    break;
            }
        }

        using var timeoutCts = new CancellationTokenSource(TimeSpan.FromMilliseconds(timeout), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        HttpResponseMessage response;
        string body;
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            response = await client.SendAsync(request, linked.Token);
            body = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TimedOut(logger, extension.GetProperty("id").GetString()!, timeout);
            throw NoResponse(extension);
        }
        catch (HttpRequestException ex)
        {
            Log.Unreachable(logger, extension.GetProperty("id").GetString()!, ex.Message);
            throw NoResponse(extension);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created)
            {
                return ParseActions(extension, status, body);
            }

            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw ValidationFailed(extension, status, body);
            }

            throw BadResponse(extension, $"'{status}' is not an expected status code.", status, body);
        }
    }

    private JsonObject WithExpansions(JsonElement extension, JsonObject obj)
    {
        if (!extension.TryGetProperty("expansionPaths", out var paths) || paths.GetArrayLength() == 0)
        {
            return obj;
        }

        return ReferenceExpander.Expand(obj, paths.EnumerateArray().Select(p => p.GetString()!).ToList(), store);
    }

    private static List<JsonObject> ParseActions(JsonElement extension, int status, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw BadResponse(extension, "The extension response is not valid JSON.", status, body);
        }

        if (node is not JsonObject obj)
        {
            throw BadResponse(extension, "The extension response is not a JSON object.", status, body);
        }

        if (JsonUtil.IsNull(obj["actions"]))
        {
            return [];
        }

        if (obj["actions"] is not JsonArray actions || actions.Any(a => a is not JsonObject o || o["action"]?.GetValueKind() != JsonValueKind.String))
        {
            throw BadResponse(extension, "The extension response does not contain a valid 'actions' array.", status, body);
        }

        if (actions.Count > 100)
        {
            throw BadResponse(extension, "The extension returned more than 100 update actions.", status, body);
        }

        return actions.Select(a => (JsonObject)a!.DeepClone()).ToList();
    }

    private static CtException ValidationFailed(JsonElement extension, int status, string body)
    {
        JsonArray? errors = null;
        try
        {
            errors = (JsonNode.Parse(body) as JsonObject)?["errors"] as JsonArray;
        }
        catch (JsonException)
        {
            // Handled below as a bad response.
        }

        if (errors is null || errors.Count == 0 || errors.Any(e => e is not JsonObject o || o["code"] is null || o["message"] is null))
        {
            throw BadResponse(extension, "The extension answered 400 without a valid 'errors' array.", status, body);
        }

        var list = errors.Select(e =>
        {
            var error = (JsonObject)e!.DeepClone();
            error["errorByExtension"] = ExtensionRef(extension);
            return error;
        }).ToList();
        return new CtException(400, list);
    }

    public static CtException UpdateActionsFailed(JsonElement extension, IEnumerable<JsonObject> errors)
    {
        var extensionErrors = new JsonArray();
        foreach (var error in errors)
        {
            var copy = (JsonObject)error.DeepClone();
            copy["extensionId"] = extension.GetProperty("id").GetString();
            if (extension.TryGetProperty("key", out var key))
            {
                copy["extensionKey"] = key.GetString();
            }

            extensionErrors.Add(copy);
        }

        return new CtException(502, Errors.Error("ExtensionUpdateActionsFailed", "The extension returned update actions that could not be executed.",
            WithIds(extension, new JsonObject { ["extensionErrors"] = extensionErrors })));
    }

    private static CtException NoResponse(JsonElement extension) =>
        new(504, Errors.Error("ExtensionNoResponse", "Extension did not respond in time.", WithIds(extension, [])));

    private static CtException BadResponse(JsonElement extension, string message, int status, string body)
    {
        var extra = WithIds(extension, new JsonObject
        {
            ["extensionErrors"] = new JsonArray(),
            ["extensionBody"] = body.Length > 2048 ? body[..2048] : body,
            ["extensionStatusCode"] = status,
        });
        return new CtException(502, Errors.Error("ExtensionBadResponse", message, extra));
    }

    private static JsonObject WithIds(JsonElement extension, JsonObject extra)
    {
        extra["extensionId"] = extension.GetProperty("id").GetString();
        if (extension.TryGetProperty("key", out var key))
        {
            extra["extensionKey"] = key.GetString();
        }

        return extra;
    }

    private static JsonObject ExtensionRef(JsonElement extension)
    {
        var reference = new JsonObject { ["id"] = extension.GetProperty("id").GetString() };
        if (extension.TryGetProperty("key", out var key))
        {
            reference["key"] = key.GetString();
        }

        return reference;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Extension {ExtensionId} did not answer within {TimeoutInMs} ms")]
        public static partial void TimedOut(ILogger logger, string extensionId, int timeoutInMs);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Extension {ExtensionId} unreachable: {Reason}")]
        public static partial void Unreachable(ILogger logger, string extensionId, string reason);
    }
}
