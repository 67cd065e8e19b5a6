using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>
/// The two ways an API endpoint answers once its request is read: under the store lock, or under the lock once per
/// PayPal-Request-Id (writes a client may retry).
/// </summary>
internal static class Answer
{
    public static async Task<IResult> Locked(HttpContext http, EmulatorStore store, Func<ApiRequest, IResult> answer)
    {
        var request = await ApiRequest.ReadAsync(http);
        lock (store.Gate)
        {
            return answer(request);
        }
    }

    /// <summary>200 with the representation <paramref name="render"/> builds under the lock.</summary>
    public static Task<IResult> Show(HttpContext http, EmulatorStore store, Func<ApiRequest, JsonNode> render) =>
        Locked(http, store, request => new ApiResponse(200, render(request)));

    public static async Task<IResult> Once(HttpContext http, EmulatorStore store, TimeSpan retention, Func<ApiRequest, ApiResponse> action)
    {
        var request = await ApiRequest.ReadAsync(http);
        return store.Idempotent(request, retention, () => action(request));
    }
}
