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

    private static async Task<IResult> Create(HttpContext http, EmulatorStore store, OrderService orders)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Orders, () => orders.Create(request));
    }

    private static async Task<IResult> Get(HttpContext http, string id, EmulatorStore store, OrderService orders)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return new ApiResponse(200, OrderJson.Render(orders.Find(id, request.ClientId), request.BaseUrl));
        }
    }

    private static async Task<IResult> Capture(HttpContext http, string id, EmulatorStore store, OrderService orders)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Orders, () => orders.Capture(request, id));
    }

    private static async Task<IResult> Authorize(HttpContext http, string id, EmulatorStore store, OrderService orders)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Orders, () => orders.Authorize(request, id));
    }

    private static async Task<IResult> Confirm(HttpContext http, string id, EmulatorStore store, OrderService orders)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Orders, () => orders.Confirm(request, id));
    }

    private static async Task<IResult> Patch(HttpContext http, string id, EmulatorStore store, OrderUpdates updates)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return updates.PatchOrder(request, id);
        }
    }

    private static async Task<IResult> Track(HttpContext http, string id, EmulatorStore store, OrderUpdates updates)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, Retention.Orders, () => updates.Track(request, id));
    }

    private static async Task<IResult> PatchTracker(HttpContext http, string id, string trackerId, EmulatorStore store, OrderUpdates updates)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return updates.PatchTracker(request, id, trackerId);
        }
    }
}
