using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Disputes;

/// <summary>
/// While a dispute past the inquiry stage is open, PayPal holds the disputed money: the merchant cannot refund the capture
/// (<c>REFUND_NOT_PERMITTED_DUE_TO_CHARGEBACK</c>). Installed on the authenticated API group, after the bearer check.
/// </summary>
internal static class DisputeHold
{
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && CaptureOfRefund(http.Request.Path) is { } captureId)
        {
            var store = http.RequestServices.GetRequiredService<EmulatorStore>();
            var disputes = http.RequestServices.GetRequiredService<DisputeService>();
            var clientId = http.Items[ApiRequest.ClientIdItem] as string ?? string.Empty;
            lock (store.Gate)
            {
                if (disputes.HoldsFunds(captureId, clientId))
                {
                    throw PayPalApiException.Unprocessable("REFUND_NOT_PERMITTED_DUE_TO_CHARGEBACK", description:
                        "Refunds are not allowed on this capture due to a chargeback on the card or bank. Please contact the payee to resolve the chargeback.");
                }
            }
        }

        return await next(context);
    }

    /// <summary>The capture id of <c>/v2/payments/captures/{id}/refund</c>, else null.</summary>
    private static string? CaptureOfRefund(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["v2", "payments", "captures", var id, "refund"] ? id : null;
    }
}
