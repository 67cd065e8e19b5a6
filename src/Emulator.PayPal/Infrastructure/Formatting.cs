using System.Globalization;
using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

internal static class Time
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

internal static class Links
{
    public static JsonObject Make(string baseUrl, string path, string rel, string method) =>
        new() { ["href"] = baseUrl + path, ["rel"] = rel, ["method"] = method };
}
