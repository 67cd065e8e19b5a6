using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Payments;

internal static class PaymentsEndpoints
{
    public static void MapPaymentsApi(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/v2/payments").AddEndpointFilter(MockResponse.Filter);
        payments.MapGet("/authorizations/{id}", GetAuthorization);
        payments.MapPost("/authorizations/{id}/capture", CaptureAuthorization);
        payments.MapPost("/authorizations/{id}/void", Void);
        payments.MapPost("/authorizations/{id}/reauthorize", Reauthorize);
        payments.MapGet("/captures/{id}", GetCapture);
        payments.MapPost("/captures/{id}/refund", Refund);
        payments.MapGet("/refunds/{id}", GetRefund);
    }

    private static async Task<IResult> GetAuthorization(HttpContext http, string id, EmulatorStore store, PaymentsService payments)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return new ApiResponse(200, PaymentJson.Authorization(payments.FindAuthorization(id, request.ClientId), request.BaseUrl));
        }
    }

    private static async Task<IResult> GetCapture(HttpContext http, string id, EmulatorStore store, PaymentsService payments)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return new ApiResponse(200, PaymentJson.Capture(payments.FindCapture(id, request.ClientId), request.BaseUrl));
        }
    }

    private static async Task<IResult> GetRefund(HttpContext http, string id, EmulatorStore store, PaymentsService payments)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return new ApiResponse(200, PaymentJson.Refund(payments.FindRefund(id, request.ClientId), request.BaseUrl));
        }
    }

    private static async Task<IResult> CaptureAuthorization(HttpContext http, string id, EmulatorStore store, PaymentsService payments)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Payments, () => payments.CaptureAuthorization(request, id));
    }

    private static async Task<IResult> Void(HttpContext http, string id, EmulatorStore store, PaymentsService payments)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Payments, () => payments.Void(request, id));
    }

    private static async Task<IResult> Reauthorize(HttpContext http, string id, EmulatorStore store, PaymentsService payments)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Payments, () => payments.Reauthorize(request, id));
    }

    private static async Task<IResult> Refund(HttpContext http, string id, EmulatorStore store, PaymentsService payments)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Payments, () => payments.RefundCapture(request, id));
    }
}
