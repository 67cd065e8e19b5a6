using System.Text.Json;
using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>Sandbox negative testing: <c>PayPal-Mock-Response: {"mock_application_codes":"INSTRUMENT_DECLINED"}</c>.</summary>
internal static class MockResponse
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers["PayPal-Mock-Response"].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return await next(context);
        }

        string? issue;
        try
        {
            issue = JsonNode.Parse(header)?["mock_application_codes"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new PayPalApiException(400, "INVALID_PARAMETER_SYNTAX", "PayPal-Mock-Response", header, "header", "The PayPal-Mock-Response header is not valid JSON.");
        }

        if (string.IsNullOrEmpty(issue))
        {
            return await next(context);
        }

        var exception = new PayPalApiException(PayPalApiException.StatusForIssue(issue), issue);
        var request = context.HttpContext.Request;
        if (issue == "INSTRUMENT_DECLINED" && context.HttpContext.GetRouteValue("id") is string orderId && request.Path.StartsWithSegments("/v2/checkout/orders"))
        {
            exception = new PayPalApiException(422, issue)
            {
                ExtraLinks = [Links.Make(ApiRequest.BaseUrlOf(request), "/checkoutnow?token=" + orderId, "redirect", "GET")],
            };
        }

        throw exception;
    }
}
