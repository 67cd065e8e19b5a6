using System.Text.Json.Nodes;
using Connector.Domain;
using Connector.Service.ApiExtension;
using Connector.Service.Vault;
using Connector.Service.Disputes;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// <c>providePayPalDisputeEvidenceRequest</c> (<c>{"disputeId"?, "evidences":[{"evidence_type", "evidence_info"?:
/// {"tracking_info"?, "refund_ids"?}, "notes"?}], "idempotencyKey"?}</c>): sends the merchant's evidence as JSON (no documents).
/// PayPal checks what each evidence type needs; its 4xx answers land in the response field.
/// </summary>
internal sealed class ProvidePayPalDisputeEvidence(OperationServices services) : IPaymentOperation
{
    private const int MaxEvidences = 100;
    private static readonly HashSet<string> Allowed = ["disputeId", "evidences", "idempotencyKey"];
    private static readonly HashSet<string> EvidenceProperties = ["evidence_type", "evidence_info", "notes"];
    private static readonly HashSet<string> InfoProperties = ["tracking_info", "refund_ids"];

    public async Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken)
    {
        var field = context.Field;
        var request = RequestJson.ParseObject(context.RequestValue, field);
        DisputeLookup.OnlyKnown(request, field, Allowed);
        var evidences = RequestJson.OptionalArray(request, "evidences", field)
            ?? throw new DomainValidationException($"{field}.evidences is required (an array of evidence objects).");
        if (evidences.Count is 0 or > MaxEvidences)
        {
            throw new DomainValidationException($"{field}.evidences must hold 1 to {MaxEvidences} evidences.");
        }

        for (var i = 0; i < evidences.Count; i++)
        {
            var path = $"{field}.evidences[{i}]";
            if (evidences[i] is not JsonObject evidence)
            {
                throw new DomainValidationException($"{path} must be a JSON object, not {RequestJson.Describe(evidences[i])}.");
            }

            DisputeLookup.OnlyKnown(evidence, path, EvidenceProperties);
            _ = RequestJson.OptionalString(evidence, "evidence_type", path) ?? throw new DomainValidationException($"{path}.evidence_type is required.");
            _ = RequestJson.OptionalString(evidence, "notes", path);
            if (RequestJson.OptionalObject(evidence, "evidence_info", path) is { } info)
            {
                DisputeLookup.OnlyKnown(info, path + ".evidence_info", InfoProperties);
                _ = RequestJson.OptionalArray(info, "tracking_info", path + ".evidence_info");
                _ = RequestJson.OptionalArray(info, "refund_ids", path + ".evidence_info");
            }
        }

        _ = PaymentLookups.IntentRequestId(context, context.Operation, "", request);
        var read = await DisputeLookup.ReadOwnAsync(services, context, request, field, cancellationToken);
        var dispute = read.Value!;
        var body = new JsonObject { ["evidences"] = evidences.DeepClone() };
        var requestId = PaymentLookups.IntentRequestId(context, context.Operation, dispute.DisputeId, request, body.ToJsonString());
        var response = await services.PayPal.Disputes.ProvideEvidenceAsync(dispute.DisputeId, body, requestId, cancellationToken);
        return OperationResult.Json(response.Raw ?? new JsonObject { ["status"] = "success" },
            [.. DisputeActions.For(context.Payment, dispute, services.Time.GetUtcNow(), services.Options.InteractionTypeKey)]);
    }
}
