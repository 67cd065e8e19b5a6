using System.Text.Json;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain;
using Connector.Domain.Contract;
using Connector.PayPal;
using Connector.Service.Configuration;
using Connector.Service.Telemetry;
using Microsoft.Extensions.Options;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>The outcome of one extension call: actions to apply, or errors that make commercetools reject the update.</summary>
internal sealed record ExtensionOutcome(IReadOnlyList<UpdateAction>? Actions, IReadOnlyList<ExtensionError>? Errors)
{
    public static ExtensionOutcome Ok(IReadOnlyList<UpdateAction> actions) => new(actions, null);

    public static ExtensionOutcome InvalidInput(string message) => new(null, [new ExtensionError("InvalidInput", message)]);

    public static ExtensionOutcome InvalidOperation(string message) => new(null, [new ExtensionError("InvalidOperation", message)]);
}

/// <summary>
/// Runs the operations whose <c>&lt;name&gt;Request</c> field is set on a payment or customer of our custom types
/// inside the deadline commercetools gives the extension, and turns every failure into the documented answer.
/// </summary>
internal sealed partial class ExtensionDispatcher(
    IServiceProvider services,
    TypeIdResolver typeIds,
    OperationTelemetry telemetry,
    IOptions<ConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<ExtensionDispatcher> logger)
{
    private const int MaxActions = 100;

    public async Task<ExtensionOutcome> DispatchAsync(ExtensionInput input, CancellationToken requestAborted)
    {
        if (input.Action is not ("Create" or "Update"))
        {
            return ExtensionOutcome.InvalidInput($"Unsupported extension action '{input.Action}'; expected Create or Update.");
        }

        var resource = input.Resource;
        if (resource is null || (resource.Payment is null && resource.Customer is null && resource.Obj is not { ValueKind: JsonValueKind.Object }))
        {
            return ExtensionOutcome.InvalidInput("The extension input has no resource.obj.");
        }

        var o = options.Value;
        switch (resource.TypeId)
        {
            case "payment":
                {
                    // Normally read straight from the body; an obj that did not read as a payment is tried once more here.
                    var payment = resource.Payment ?? Deserialize(resource.Obj, CommercetoolsJsonContext.Default.Payment);
                    if (payment is null)
                    {
                        return ExtensionOutcome.InvalidInput("resource.obj is not a valid payment.");
                    }

                    using var deadline = Deadline(o.PaymentExtensionTimeoutMs, requestAborted);
                    if (!await IsOurTypeAsync(payment.Custom, o.PaymentTypeKey, deadline.Token))
                    {
                        return ExtensionOutcome.Ok([]);
                    }

                    return await RunAsync<IPaymentOperation>(ConnectorOperations.On(ConnectorOperations.Payment), "payment", payment.Custom!, payment.Id,
                        (op, name, value, ct) =>
                        {
                            PaymentGuard.EnsureAllowed(payment, name);
                            return op.ExecuteAsync(new PaymentOperationContext(payment, value, input.Action, name), ct);
                        },
                        (name, value, result) => ActionEnvelope.ForPayment(name, o.InteractionTypeKey, value, result, timeProvider.GetUtcNow()),
                        (op, e) => op.MapPayPalFailure(e), deadline.Token, requestAborted);
                }

            case "customer":
                {
                    var customer = resource.Customer ?? Deserialize(resource.Obj, CommercetoolsJsonContext.Default.Customer);
                    if (customer is null)
                    {
                        return ExtensionOutcome.InvalidInput("resource.obj is not a valid customer.");
                    }

                    using var deadline = Deadline(o.CustomerExtensionTimeoutMs, requestAborted);
                    if (!await IsOurTypeAsync(customer.Custom, o.CustomerTypeKey, deadline.Token))
                    {
                        return ExtensionOutcome.Ok([]);
                    }

                    return await RunAsync<ICustomerOperation>(ConnectorOperations.On(ConnectorOperations.Customer), "customer", customer.Custom!, customer.Id,
                        (op, name, value, ct) => op.ExecuteAsync(new CustomerOperationContext(customer, value, input.Action, name), ct),
                        (name, _, result) => ActionEnvelope.ForCustomer(name, result),
                        (_, _) => null, deadline.Token, requestAborted);
                }

            default:
                return ExtensionOutcome.InvalidInput($"Unsupported resource type '{resource.TypeId}'; the connector handles payment and customer.");
        }
    }

    private async Task<ExtensionOutcome> RunAsync<TOp>(IReadOnlyList<string> order, string resourceType, CustomFields custom, string resourceId,
        Func<TOp, string, string, CancellationToken, Task<OperationResult>> execute,
        Func<string, string, OperationResult, IEnumerable<UpdateAction>> envelope,
        Func<TOp, PayPalApiException, OperationResult?> payPalFailure, CancellationToken deadline, CancellationToken requestAborted)
        where TOp : notnull
    {
        var actions = new List<UpdateAction>();
        var requestFields = ConnectorOperations.RequestFields(order);
        for (var i = 0; i < order.Count; i++)
        {
            // Nothing is allocated for the operations whose request field is absent (most of them, on every call).
            var field = requestFields[i];
            if (!custom.Fields.TryGetValue(field, out var raw) || raw.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            var name = order[i];

            if (raw.ValueKind != JsonValueKind.String)
            {
                return ExtensionOutcome.InvalidInput($"{field} must be a string holding the request.");
            }

            var value = raw.GetString()!;
            // Only the handlers whose request field is set are created (with their clients), not all of them per call.
            var operation = services.GetRequiredKeyedService<TOp>(name);
            using var measured = telemetry.Begin(name, resourceType, resourceId, custom);
            OperationResult result;
            try
            {
                result = await Execute(measured, execute, operation, name, value, deadline);
                Log.OperationSucceeded(logger, name, resourceId);
            }
            catch (DomainValidationException e)
            {
                Log.OperationRejected(logger, name, resourceId, e.Message);
                return ExtensionOutcome.InvalidInput(e.Message);
            }
            catch (OperationRefusedException e)
            {
                Log.OperationRejected(logger, name, resourceId, e.Message);
                return ExtensionOutcome.InvalidOperation(e.Message);
            }
            catch (PayPalApiException e) when (!e.IsTransient && e.StatusCode != System.Net.HttpStatusCode.Unauthorized)
            {
                Log.PayPalBusinessError(logger, name, resourceId, (int)e.StatusCode, e.Name, e.DebugId);
                result = payPalFailure(operation, e) ?? BusinessFailure(e);
            }
            catch (PayPalApiException e)
            {
                Log.UpstreamFailed(logger, name, resourceId, "PayPal", e.Message);
                return ExtensionOutcome.InvalidOperation($"{name}: PayPal is unavailable ({Describe(e)}). The update may be retried unchanged; it will not be applied twice.");
            }
            catch (CommercetoolsApiException e)
            {
                Log.UpstreamFailed(logger, name, resourceId, "commercetools", e.Message);
                return ExtensionOutcome.InvalidOperation($"{name}: commercetools could not be read ({(int)e.StatusCode}). The update may be retried unchanged.");
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !requestAborted.IsCancellationRequested)
            {
                Log.UpstreamFailed(logger, name, resourceId, "deadline", "extension time budget exhausted");
                return ExtensionOutcome.InvalidOperation($"{name}: PayPal did not answer within the extension's time budget. The update may be retried unchanged; it will not be applied twice.");
            }

            actions.AddRange(envelope(name, value, result));
        }

        if (actions.Count > MaxActions)
        {
            return ExtensionOutcome.InvalidInput($"Too many operations in one update ({actions.Count} actions; commercetools accepts {MaxActions}). Send them in separate updates.");
        }

        return ExtensionOutcome.Ok(actions);
    }

    // Its own method so that the closure is created only for an operation that runs, not on every turn of the loop.
    private static Task<OperationResult> Execute<TOp>(OperationScope measured, Func<TOp, string, string, CancellationToken, Task<OperationResult>> execute,
        TOp operation, string name, string value, CancellationToken deadline) =>
        measured.RunAsync(ct => execute(operation, name, value, ct), deadline);

    /// <summary>PayPal 4xx → <c>{"success":false,...}</c> in the response field, HTTP 200.</summary>
    private static OperationResult BusinessFailure(PayPalApiException e)
    {
        var text = e.DebugId is null ? e.Message : $"{e.Message} (debug_id {e.DebugId})";
        return ActionEnvelope.Failure(text, DetailsNode(e));
    }

    /// <summary>PayPal's error name, debug id and issues, as the response field shows them.</summary>
    internal static System.Text.Json.Nodes.JsonNode DetailsNode(PayPalApiException e)
    {
        var array = new System.Text.Json.Nodes.JsonArray();
        foreach (var d in e.Details)
        {
            array.Add((System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["issue"] = d.Issue, ["field"] = d.Field, ["description"] = d.Description });
        }

        return new System.Text.Json.Nodes.JsonObject { ["name"] = e.Name, ["debug_id"] = e.DebugId, ["issues"] = array };
    }

    private static string Describe(PayPalApiException e) => e.StatusCode == 0 ? "no answer" : $"HTTP {(int)e.StatusCode}";

    private async Task<bool> IsOurTypeAsync(CustomFields? custom, string typeKey, CancellationToken cancellationToken)
    {
        if (custom is null)
        {
            return false;
        }

        if (custom.Type.Key is { } key)
        {
            return key == typeKey;
        }

        var id = await typeIds.ResolveAsync(typeKey, cancellationToken);
        // When the type cannot be resolved (commercetools unreachable), trust the extension's trigger condition.
        return id is null || id == custom.Type.Id;
    }

    private OperationDeadline Deadline(int extensionTimeoutMs, CancellationToken requestAborted)
    {
        // Leave commercetools time to receive our answer and apply it: 15% of the timeout, at least 250 ms.
        var budget = extensionTimeoutMs - Math.Max(250, extensionTimeoutMs * 15 / 100);
        return new OperationDeadline(TimeSpan.FromMilliseconds(budget), timeProvider, requestAborted);
    }

    private static T? Deserialize<T>(JsonElement? element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj)
        {
            return default;
        }

        try
        {
            return obj.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>A token cancelled when the time budget runs out or the caller goes away.</summary>
    private sealed class OperationDeadline : IDisposable
    {
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenSource _linked;

        public OperationDeadline(TimeSpan budget, TimeProvider timeProvider, CancellationToken requestAborted)
        {
            _timer = new CancellationTokenSource(budget, timeProvider);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, requestAborted);
        }

        public CancellationToken Token => _linked.Token;

        public void Dispose()
        {
            _linked.Dispose();
            _timer.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "{Operation} succeeded for {ResourceId}")]
        public static partial void OperationSucceeded(ILogger logger, string operation, string resourceId);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "{Operation} rejected for {ResourceId}: {Reason}")]
        public static partial void OperationRejected(ILogger logger, string operation, string resourceId, string reason);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Operation} for {ResourceId}: PayPal answered {Status} {Name} (debug_id {DebugId})")]
        public static partial void PayPalBusinessError(ILogger logger, string operation, string resourceId, int status, string? name, string? debugId);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "{Operation} for {ResourceId}: {Upstream} failed: {Reason}")]
        public static partial void UpstreamFailed(ILogger logger, string operation, string resourceId, string upstream, string reason);
    }
}
