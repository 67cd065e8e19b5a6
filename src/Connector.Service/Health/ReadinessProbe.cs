using System.Net;
using Connector.Commercetools;
using Connector.Domain.Settings;
using Connector.PayPal;

namespace Connector.Service.Health;

/// <summary>
/// <c>/ready</c>: one real, authenticated call to each upstream with the connector's own credentials, both at once,
/// each within <see cref="Timeout"/>. Reasons are our own words (status codes, never upstream bodies or credentials),
/// because the endpoint is public.
/// </summary>
internal sealed class ReadinessProbe(PayPalClient payPal, CommercetoolsClient commercetools, TimeProvider timeProvider)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>An order id PayPal cannot have issued: a 404 proves PayPal answered and accepted our token.</summary>
    private const string ProbeOrderId = "CONNECTOR-READINESS-PROBE";

    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken requestAborted)
    {
        var results = await Task.WhenAll(
            RunAsync("paypal", CheckPayPalAsync, requestAborted),
            RunAsync("commercetools", CheckCommercetoolsAsync, requestAborted));
        return [.. results.OfType<string>()];
    }

    private async Task CheckPayPalAsync(CancellationToken cancellationToken)
    {
        try
        {
            await payPal.Orders.GetAsync(ProbeOrderId, cancellationToken);
        }
        catch (PayPalApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Expected: reachable and authenticated.
        }
    }

    private async Task CheckCommercetoolsAsync(CancellationToken cancellationToken) =>
        await commercetools.GetCustomObjectAsync(SettingsDefaults.Container, SettingsDefaults.Key, cancellationToken);

    private async Task<string?> RunAsync(string name, Func<CancellationToken, Task> check, CancellationToken requestAborted)
    {
        using var timeout = new CancellationTokenSource(Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, requestAborted);
        try
        {
            await check(linked.Token);
            return null;
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return $"{name}: no answer within {Timeout.TotalSeconds:0} s";
        }
        catch (PayPalApiException e)
        {
            return Describe(name, e.StatusCode);
        }
        catch (CommercetoolsApiException e)
        {
            return Describe(name, e.StatusCode);
        }
    }

    private static string Describe(string name, HttpStatusCode status) => status switch
    {
        0 => $"{name}: not reachable",
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"{name}: credentials refused (HTTP {(int)status})",
        _ => $"{name}: answered HTTP {(int)status}",
    };
}
