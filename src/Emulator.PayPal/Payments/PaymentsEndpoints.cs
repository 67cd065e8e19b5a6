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

    private static Task<IResult> GetAuthorization(HttpContext http, string id, EmulatorStore store, PaymentsService payments) =>
        Answer.Show(http, store, request => PaymentJson.Authorization(payments.FindAuthorization(id, request.ClientId), request.BaseUrl));

    private static Task<IResult> GetCapture(HttpContext http, string id, EmulatorStore store, PaymentsService payments) =>
        Answer.Show(http, store, request => PaymentJson.Capture(payments.FindCapture(id, request.ClientId), request.BaseUrl));

    private static Task<IResult> GetRefund(HttpContext http, string id, EmulatorStore store, PaymentsService payments) =>
        Answer.Show(http, store, request => PaymentJson.Refund(payments.FindRefund(id, request.ClientId), request.BaseUrl));

    private static Task<IResult> CaptureAuthorization(HttpContext http, string id, EmulatorStore store, PaymentsService payments) =>
        Answer.Once(http, store, Retention.Payments, request => payments.CaptureAuthorization(request, id));

    private static Task<IResult> Void(HttpContext http, string id, EmulatorStore store, PaymentsService payments) =>
        Answer.Once(http, store, Retention.Payments, request => payments.Void(request, id));

    private static Task<IResult> Reauthorize(HttpContext http, string id, EmulatorStore store, PaymentsService payments) =>
        Answer.Once(http, store, Retention.Payments, request => payments.Reauthorize(request, id));

    private static Task<IResult> Refund(HttpContext http, string id, EmulatorStore store, PaymentsService payments) =>
        Answer.Once(http, store, Retention.Payments, request => payments.RefundCapture(request, id));
}
