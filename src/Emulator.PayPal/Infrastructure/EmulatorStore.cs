using Emulator.PayPal.Auth;
using Emulator.PayPal.Orders;
using Emulator.PayPal.Payments;
using Emulator.PayPal.Vault;
using Emulator.PayPal.Webhooks;

namespace Emulator.PayPal.Infrastructure;

/// <summary>
/// All emulator state. Every read and write happens under <see cref="Gate"/>: the emulator is a test double, and one
/// global lock makes "two concurrent captures of one order produce exactly one capture" trivially true.
/// </summary>
internal sealed class EmulatorStore(TimeProvider time)
{
    private readonly Dictionary<string, (DateTimeOffset At, ApiResponse Response)> _idempotency = new(StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; } = time;

    public Dictionary<string, AccessToken> Tokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Order> Orders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Authorization> Authorizations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Capture> Captures { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Refund> Refunds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SetupToken> SetupTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PaymentToken> PaymentTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Webhook> Webhooks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, WebhookEvent> Events { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>
    /// Runs <paramref name="action"/> under the lock, once per PayPal-Request-Id (scoped per client and endpoint).
    /// A repeat returns the stored answer with 200 instead of 201; errors are not stored so a corrected retry works.
    /// </summary>
    public ApiResponse Idempotent(ApiRequest request, TimeSpan retention, Func<ApiResponse> action)
    {
        lock (Gate)
        {
            if (request.RequestId is not { } requestId)
            {
                return action();
            }

            var key = $"{request.ClientId}|{request.Http.Request.Method} {request.Http.Request.Path}|{requestId}";
            if (_idempotency.TryGetValue(key, out var prior) && Now - prior.At < retention)
            {
                return prior.Response with { Status = prior.Response.Status == 201 ? 200 : prior.Response.Status };
            }

            var response = action();
            if (response.Status < 400)
            {
                // Stored as text so later replays never share a mutable JsonNode with the live resource.
                _idempotency[key] = (Now, response with { Body = null, Raw = response.Body is null ? null : JsonOut.Serialize(response.Body) });
            }

            return response;
        }
    }
}

internal static class Retention
{
    public static readonly TimeSpan Orders = TimeSpan.FromHours(6);
    public static readonly TimeSpan Payments = TimeSpan.FromDays(45);
    public static readonly TimeSpan Vault = TimeSpan.FromHours(3);
}
