using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Disputes;

/// <summary>Emulator-only routes (no auth) for what buyers, issuers and PayPal do to a dispute.</summary>
internal static class DisputeControlEndpoints
{
    private static readonly string[] Described =
    [
        "POST /emulator/captures/{id}/disputes {reason, amount, dispute_life_cycle_stage: INQUIRY|CHARGEBACK, dispute_channel} (buyer opens a dispute)",
        "GET /emulator/disputes/{id}",
        "POST /emulator/disputes/{id}/escalate {dispute_life_cycle_stage} (default: the next stage)",
        "POST /emulator/disputes/{id}/require-evidence {action: SELLER_EVIDENCE|BUYER_EVIDENCE, due_in_days}",
        "POST /emulator/disputes/{id}/resolve {outcome: RESOLVED_BUYER_FAVOUR|RESOLVED_SELLER_FAVOUR|RESOLVED_WITH_PAYOUT|CANCELED_BY_BUYER, amount}",
    ];

    /// <summary>Adds the dispute routes to the control API's self-description.</summary>
    public static JsonArray WithDisputeControl(this JsonArray endpoints)
    {
        foreach (var line in Described)
        {
            endpoints.Add(line);
        }

        return endpoints;
    }

    public static void MapDisputeControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/emulator");
        control.MapPost("/captures/{id}/disputes", Open);
        control.MapGet("/disputes/{id}", (HttpContext http, string id, EmulatorStore store, DisputeService disputes) => Step(http, id, store, disputes, null, null));
        control.MapPost("/disputes/{id}/escalate", async (HttpContext http, string id, EmulatorStore store, DisputeService disputes) =>
            Step(http, id, store, disputes, await BodyAsync(http), (d, body, baseUrl) => disputes.Escalate(d, JsonRead.OptString(body, "dispute_life_cycle_stage", string.Empty), baseUrl)));
        control.MapPost("/disputes/{id}/require-evidence", async (HttpContext http, string id, EmulatorStore store, DisputeService disputes) =>
            Step(http, id, store, disputes, await BodyAsync(http), disputes.RequireEvidence));
        control.MapPost("/disputes/{id}/resolve", async (HttpContext http, string id, EmulatorStore store, DisputeService disputes) =>
            Step(http, id, store, disputes, await BodyAsync(http), disputes.Resolve));
    }

    private static async Task<IResult> Open(HttpContext http, string id, EmulatorStore store, DisputeService disputes)
    {
        var body = await BodyAsync(http);
        var baseUrl = ApiRequest.BaseUrlOf(http.Request);
        lock (store.Gate)
        {
            var capture = store.Captures.TryGetValue(id, out var found) ? found : throw PayPalApiException.NotFound("capture_id", id);
            var dispute = disputes.Open(capture, body, baseUrl);
            return new ApiResponse(201, DisputeJson.Full(dispute, baseUrl));
        }
    }

    private static ApiResponse Step(HttpContext http, string id, EmulatorStore store, DisputeService disputes, JsonObject? body, Action<Dispute, JsonObject?, string>? step)
    {
        var baseUrl = ApiRequest.BaseUrlOf(http.Request);
        lock (store.Gate)
        {
            var dispute = disputes.FindAny(id);
            step?.Invoke(dispute, body, baseUrl);
            return new ApiResponse(200, DisputeJson.Full(dispute, baseUrl));
        }
    }

    private static async Task<JsonObject?> BodyAsync(HttpContext http) => (await ApiRequest.ReadAsync(http)).Body;
}
