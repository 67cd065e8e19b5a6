using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Disputes;

/// <summary>Customer Disputes v1: list, show, accept-claim, provide-evidence (OAuth, scoped to the client).</summary>
internal static partial class DisputesEndpoints
{
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 50;

    public static void MapDisputesApi(this RouteGroupBuilder api)
    {
        var disputes = api.MapGroup(DisputeJson.BasePath);
        disputes.MapGet("/", List);
        disputes.MapGet("/{id}", Get);
        disputes.MapPost("/{id}/accept-claim", AcceptClaim);
        disputes.MapPost("/{id}/provide-evidence", ProvideEvidence);
    }

    private static Task<IResult> Get(HttpContext http, string id, EmulatorStore store, DisputeService disputes) =>
        Answer.Show(http, store, request => DisputeJson.Full(disputes.Find(id, request.ClientId), request.BaseUrl));

    private static async Task<IResult> AcceptClaim(HttpContext http, string id, EmulatorStore store, DisputeService disputes)
    {
        var (request, _) = await ReadActionAsync(http);
        return store.Idempotent(request, Retention.Payments, () => disputes.AcceptClaim(request, id));
    }

    private static async Task<IResult> ProvideEvidence(HttpContext http, string id, EmulatorStore store, DisputeService disputes)
    {
        var (request, documents) = await ReadActionAsync(http);
        return store.Idempotent(request, Retention.Payments, () => disputes.ProvideEvidence(request, id, documents));
    }

    private static async Task<IResult> List(HttpContext http, EmulatorStore store, DisputeService disputes)
    {
        var request = await ApiRequest.ReadAsync(http);
        var query = http.Request.Query;
        var transactionId = Param(query, "disputed_transaction_id");
        var startTime = Timestamp(query, "start_time", "INVALID_START_TIME_FORMAT");
        var updatedAfter = Timestamp(query, "update_time_after", "INVALID_PARAMETER_SYNTAX");
        var updatedBefore = Timestamp(query, "update_time_before", "INVALID_PARAMETER_SYNTAX");
        if (transactionId is not null && startTime is not null)
        {
            throw new PayPalApiException(400, "INVALID_PARAMETER_VALUE", "start_time", null, "query",
                "Specify either start_time or disputed_transaction_id, not both.");
        }

        var states = Param(query, "dispute_state")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var pageSize = PageSize(query);
        var offset = PageToken(query);

        lock (store.Gate)
        {
            if (startTime > store.Now)
            {
                throw new PayPalApiException(400, "DATE_CAN_NOT_BE_IN_FUTURE", "start_time", Param(query, "start_time"), "query", "The start_time cannot be in the future.");
            }

            var matching = disputes.OfClient(request.ClientId)
                .Where(d => transactionId is null || d.Capture.Id == transactionId)
                .Where(d => startTime is null || d.CreateTime >= startTime)
                .Where(d => updatedAfter is null || d.UpdateTime >= updatedAfter)
                .Where(d => updatedBefore is null || d.UpdateTime < updatedBefore)
                .Where(d => states is null || states.Contains(d.State))
                .OrderByDescending(d => d.CreateTime)
                .ThenByDescending(d => d.Sequence)
                .ToList();
            var page = matching.Skip(offset).Take(pageSize).ToList();
            var links = new JsonArray { Links.Make(request.BaseUrl, DisputeJson.BasePath + http.Request.QueryString.Value, "self", "GET") };
            if (offset + pageSize < matching.Count)
            {
                links.Add(Links.Make(request.BaseUrl, DisputeJson.BasePath + NextQuery(query, offset + pageSize), "next", "GET"));
            }

            return new ApiResponse(200, new JsonObject
            {
                ["items"] = new JsonArray([.. page.Select(d => (JsonNode)DisputeJson.Summary(d, request.BaseUrl))]),
                ["links"] = links,
            });
        }
    }

    /// <summary>
    /// The dispute actions take multipart/form-data on PayPal (a JSON <c>input</c> part plus files); a plain JSON body works too.
    /// Returns the request (for idempotency and the handlers) and the names of the uploaded files.
    /// </summary>
    private static async Task<(ApiRequest Request, IReadOnlyList<string> Documents)> ReadActionAsync(HttpContext http)
    {
        var contentType = http.Request.ContentType ?? string.Empty;
        if (!contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (await ApiRequest.ReadAsync(http), []);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            throw new PayPalApiException(400, "MALFORMED_REQUEST", null, null, "body", "The multipart request is not well formed.");
        }

        string? input = form["input"].Count > 0 ? form["input"].ToString() : null;
        if (input is null && form.Files.GetFile("input") is { } inputFile)
        {
            using var reader = new StreamReader(inputFile.OpenReadStream(), Encoding.UTF8);
            input = await reader.ReadToEndAsync(http.RequestAborted);
        }

        JsonObject? body = null;
        if (!string.IsNullOrWhiteSpace(input))
        {
            try
            {
                body = JsonNode.Parse(input) as JsonObject ?? throw new PayPalApiException(400, "MALFORMED_REQUEST_JSON");
            }
            catch (JsonException)
            {
                throw new PayPalApiException(400, "MALFORMED_REQUEST_JSON");
            }
        }

        var requestId = http.Request.Headers["PayPal-Request-Id"].ToString();
        var request = new ApiRequest(
            ApiRequest.BaseUrlOf(http.Request),
            http.Items[ApiRequest.ClientIdItem] as string ?? string.Empty,
            string.IsNullOrEmpty(requestId) ? null : requestId,
            http.Request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.OrdinalIgnoreCase),
            body,
            http);
        return (request, [.. form.Files.Where(f => f.Name != "input").Select(f => string.IsNullOrEmpty(f.FileName) ? f.Name : f.FileName)]);
    }

    private static string? Param(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    private static DateTimeOffset? Timestamp(IQueryCollection query, string name, string issue)
    {
        var text = Param(query, name);
        if (text is null)
        {
            return null;
        }

        return Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new PayPalApiException(400, issue, name, text, "query", $"{name} must be an Internet date and time (RFC 3339), for example 2026-01-31T10:00:00Z.");
    }

    private static int PageSize(IQueryCollection query)
    {
        var text = Param(query, "page_size");
        if (text is null)
        {
            return DefaultPageSize;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw new PayPalApiException(400, "INVALID_PAGE_SIZE", "page_size", text, "query", $"page_size is a whole number from 1 to {MaxPageSize}.");
    }

    /// <summary>next_page_token is opaque to callers: base64 of the offset into the filtered, sorted list.</summary>
    private static int PageToken(IQueryCollection query)
    {
        var text = Param(query, "next_page_token");
        if (text is null)
        {
            return 0;
        }

        try
        {
            var decoded = Encoding.ASCII.GetString(Convert.FromBase64String(text));
            if (int.TryParse(decoded, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new PayPalApiException(400, "INVALID_PARAMETER_VALUE", "next_page_token", text, "query", "The next_page_token is not one this API returned.");
    }

    private static string NextQuery(IQueryCollection query, int offset)
    {
        var token = Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));
        var pairs = query.Where(q => q.Key != "next_page_token")
            .Select(q => (Key: q.Key, Value: q.Value.ToString()))
            .Append((Key: "next_page_token", Value: token))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value));
        return "?" + string.Join('&', pairs);
    }

    [GeneratedRegex(@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex Rfc3339();
}
