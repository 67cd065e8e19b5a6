using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Connector.Service.Tests.Infrastructure;

/// <summary>
/// A connector configured with valid but unreachable upstreams (port 9 on loopback), for tests of start-up, options and
/// endpoints that never call commercetools or PayPal.
/// </summary>
internal static class OfflineConnector
{
    public static WebApplication Build(Dictionary<string, string?>? extra = null, string[]? args = null) => ConnectorApp.Build(args ?? [], b =>
    {
        b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Commercetools:ProjectKey"] = "p",
            ["Commercetools:ClientId"] = "c",
            ["Commercetools:ClientSecret"] = "s",
            ["Commercetools:ApiUrl"] = "http://127.0.0.1:9",
            ["Commercetools:AuthUrl"] = "http://127.0.0.1:9",
            ["PayPal:ClientId"] = "c",
            ["PayPal:ClientSecret"] = "s",
            ["PayPal:ApiUrl"] = "http://127.0.0.1:9",
            ["Connector:ExtensionAuthorization"] = "Bearer offline-connector-tests-secret",
        });
        b.Configuration.AddInMemoryCollection(extra ?? []);
        b.WebHost.UseUrls("http://127.0.0.1:0");
        b.Logging.SetMinimumLevel(LogLevel.Warning);
    });
}
