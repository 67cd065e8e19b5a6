using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Orders;

internal static class OrdersEndpoints
{
    public static void MapOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/v2/checkout/orders").AddEndpointFilter(MockResponse.Filter);
        orders.MapPost("/", Create);
        orders.MapGet("/{id}", Get);
        orders.MapPost("/{id}/capture", Capture);
        orders.MapPost("/{id}/authorize", Authorize);
        orders.MapPost("/{id}/confirm-payment-source", Confirm);
        orders.MapMethods("/{id}", ["PATCH"], Patch);
        orders.MapPost("/{id}/track", Track);
        orders.MapMethods("/{id}/trackers/{trackerId}", ["PATCH"], PatchTracker);
    }

    private static Task<IResult> Create(HttpContext http, EmulatorStore store, OrderService orders) =>
        Answer.Once(http, store, Retention.Orders, orders.Create);

    private static Task<IResult> Get(HttpContext http, string id, EmulatorStore store, OrderService orders) =>
        Answer.Show(http, store, request => OrderJson.Render(orders.Find(id, request.ClientId), request.BaseUrl));

    private static Task<IResult> Capture(HttpContext http, string id, EmulatorStore store, OrderService orders) =>
        Answer.Once(http, store, Retention.Orders, request => orders.Capture(request, id));

    private static Task<IResult> Authorize(HttpContext http, string id, EmulatorStore store, OrderService orders) =>
        Answer.Once(http, store, Retention.Orders, request => orders.Authorize(request, id));

    private static Task<IResult> Confirm(HttpContext http, string id, EmulatorStore store, OrderService orders) =>
        Answer.Once(http, store, Retention.Orders, request => orders.Confirm(request, id));

    private static Task<IResult> Patch(HttpContext http, string id, EmulatorStore store, OrderUpdates updates) =>
        Answer.Locked(http, store, request => updates.PatchOrder(request, id));

    private static Task<IResult> Track(HttpContext http, string id, EmulatorStore store, OrderUpdates updates) =>
        Answer.Once(http, store, Retention.Orders, request => updates.Track(request, id));

    private static Task<IResult> PatchTracker(HttpContext http, string id, string trackerId, EmulatorStore store, OrderUpdates updates) =>
        Answer.Locked(http, store, request => updates.PatchTracker(request, id, trackerId));
}
