using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Payments;
using Emulator.PayPal.Webhooks;

namespace Emulator.PayPal.Disputes;

/// <summary>
/// Customer disputes: the merchant actions of the REST API and the buyer/PayPal side driven by the control API.
/// Every public method expects to run under <see cref="EmulatorStore.Gate"/>.
/// </summary>
internal sealed class DisputeService(EmulatorStore store, EventQueue events, PaymentsService payments)
{
    public const string Created = "CUSTOMER.DISPUTE.CREATED";
    public const string Updated = "CUSTOMER.DISPUTE.UPDATED";
    public const string ResolvedEvent = "CUSTOMER.DISPUTE.RESOLVED";

    private const int DefaultResponseDays = 10;
    private const int MaxNotesLength = 2000;

    private readonly Dictionary<string, Dispute> _disputes = new(StringComparer.Ordinal);
    private long _sequence;

    public Dispute Find(string id, string clientId) =>
        _disputes.FindOwned(id, clientId, "dispute_id");

    /// <summary>For the control API, which has no client.</summary>
    public Dispute FindAny(string id) =>
        _disputes.TryGetValue(id, out var d) ? d : throw PayPalApiException.NotFound("dispute_id", id);

    public IEnumerable<Dispute> OfClient(string clientId) => _disputes.Values.Where(d => d.ClientId == clientId);

    /// <summary>True while a dispute past the inquiry stage holds the capture's money (merchant refunds are refused).</summary>
    public bool HoldsFunds(string captureId, string clientId) =>
        _disputes.Values.Any(d => d.ClientId == clientId && d.Capture.Id == captureId && d.HoldsFunds);

    /// <summary>The buyer opens a dispute (or the issuer a chargeback) on a capture.</summary>
    public Dispute Open(Capture capture, JsonObject? body, string baseUrl)
    {
        if (capture.Status is not ("COMPLETED" or "PARTIALLY_REFUNDED"))
        {
            throw PayPalApiException.Unprocessable("CAPTURE_NOT_DISPUTABLE", "capture_id", capture.Id, "Only COMPLETED or PARTIALLY_REFUNDED captures can be disputed.");
        }

        if (_disputes.Values.Any(d => d.Capture == capture && !d.IsResolved))
        {
            throw PayPalApiException.Unprocessable("DISPUTE_ALREADY_OPEN", "capture_id", capture.Id, "The capture already has an unresolved dispute.");
        }

        var reason = JsonRead.OptString(body, "reason", string.Empty) ?? "MERCHANDISE_OR_SERVICE_NOT_RECEIVED";
        if (!DisputeValues.Reasons.Contains(reason))
        {
            throw PayPalApiException.Invalid("/reason", reason);
        }

        var stage = JsonRead.OptString(body, "dispute_life_cycle_stage", string.Empty) ?? JsonRead.OptString(body, "stage", string.Empty) ?? DisputeValues.Inquiry;
        if (stage is not (DisputeValues.Inquiry or DisputeValues.Chargeback))
        {
            throw PayPalApiException.Invalid("/dispute_life_cycle_stage", stage, "A dispute opens in the INQUIRY or CHARGEBACK stage.");
        }

        var channel = JsonRead.OptString(body, "dispute_channel", string.Empty)
            ?? (stage == DisputeValues.Chargeback && capture.Order.Source?.Kind == "card" ? "EXTERNAL" : "INTERNAL");
        if (!DisputeValues.Channels.Contains(channel))
        {
            throw PayPalApiException.Invalid("/dispute_channel", channel);
        }

        var remaining = capture.Amount.With(capture.Amount.Minor - capture.RefundedMinor);
        var amount = body?["amount"] is null ? remaining : Money.Parse(body["amount"], "/amount", "DECIMALS_NOT_SUPPORTED");
        CheckAmount(amount, remaining, "/amount");

        var now = store.Now;
        var dispute = new Dispute
        {
            Id = NewId(),
            ClientId = capture.ClientId,
            Sequence = ++_sequence,
            Capture = capture,
            Reason = reason,
            Amount = amount,
            Channel = channel,
            Status = DisputeValues.Open,
            Stage = stage,
            CreateTime = now,
            UpdateTime = now,
        };
        _disputes[dispute.Id] = dispute;
        Publish(dispute, Created, baseUrl, $"A new dispute opened with Case # {dispute.Id}");
        return dispute;
    }

    /// <summary>INQUIRY → CHARGEBACK → PRE_ARBITRATION → ARBITRATION; PayPal reviews the case afterwards.</summary>
    public void Escalate(Dispute dispute, string? stage, string baseUrl)
    {
        CheckUnresolved(dispute);
        var current = DisputeValues.StageIndex(dispute.Stage);
        var target = stage ?? (current + 1 < DisputeValues.Stages.Count ? DisputeValues.Stages[current + 1] : null)
            ?? throw NotAllowed("The dispute is already in the last stage.");
        if (DisputeValues.StageIndex(target) < 0)
        {
            throw PayPalApiException.Invalid("/dispute_life_cycle_stage", target);
        }

        if (DisputeValues.StageIndex(target) <= current)
        {
            throw NotAllowed($"A {dispute.Stage} dispute can only move to a later stage.");
        }

        dispute.Stage = target;
        dispute.Status = DisputeValues.UnderReview;
        dispute.SellerResponseDueDate = null;
        dispute.BuyerResponseDueDate = null;
        Touch(dispute);
        Publish(dispute, Updated, baseUrl, $"A dispute was escalated to {target} with Case # {dispute.Id}");
    }

    /// <summary>PayPal asks the seller (SELLER_EVIDENCE) or the buyer (BUYER_EVIDENCE) to respond by a due date.</summary>
    public void RequireEvidence(Dispute dispute, JsonObject? body, string baseUrl)
    {
        CheckUnresolved(dispute);
        var action = JsonRead.OptString(body, "action", string.Empty) ?? "SELLER_EVIDENCE";
        if (action is not ("SELLER_EVIDENCE" or "BUYER_EVIDENCE"))
        {
            throw PayPalApiException.Invalid("/action", action, "action is SELLER_EVIDENCE or BUYER_EVIDENCE.");
        }

        var days = DefaultResponseDays;
        if (body?["due_in_days"] is { } node)
        {
            days = node.GetValueKind() == System.Text.Json.JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var parsed) && parsed is >= 1 and <= 60
                ? parsed
                : throw PayPalApiException.Invalid("/due_in_days", node.ToJsonString(), "due_in_days is a whole number from 1 to 60.");
        }

        var due = store.Now.AddDays(days);
        dispute.Status = action == "SELLER_EVIDENCE" ? DisputeValues.WaitingForSeller : DisputeValues.WaitingForBuyer;
        dispute.SellerResponseDueDate = action == "SELLER_EVIDENCE" ? due : null;
        dispute.BuyerResponseDueDate = action == "BUYER_EVIDENCE" ? due : null;
        Touch(dispute);
        Publish(dispute, Updated, baseUrl, $"A dispute is waiting for the {(action == "SELLER_EVIDENCE" ? "seller" : "buyer")}'s response with Case # {dispute.Id}");
    }

    /// <summary>PayPal (or the buyer) closes the case. Buyer favour moves the money back to the buyer from the capture.</summary>
    public void Resolve(Dispute dispute, JsonObject? body, string baseUrl)
    {
        CheckUnresolved(dispute);
        var outcome = JsonRead.ReqString(body, "outcome", string.Empty);
        if (!DisputeValues.ControlOutcomes.Contains(outcome))
        {
            throw PayPalApiException.Invalid("/outcome", outcome, "outcome is one of " + string.Join(", ", DisputeValues.ControlOutcomes) + ".");
        }

        switch (outcome)
        {
            case DisputeValues.BuyerFavour:
                var amount = body?["amount"] is null ? dispute.Amount : Money.Parse(body["amount"], "/amount", "DECIMALS_NOT_SUPPORTED");
                CheckAmount(amount, dispute.Amount, "/amount");
                // An inquiry settled for the buyer is a plain refund; from the chargeback stage on PayPal reverses the payment.
                var reversal = dispute.Stage != DisputeValues.Inquiry;
                SettleForBuyer(dispute, amount, reversal ? "PAYMENT.CAPTURE.REVERSED" : "PAYMENT.CAPTURE.REFUNDED", reversal ? "CHARGEBACK" : null, baseUrl);
                break;
            case DisputeValues.WithPayout:
                // PayPal pays the buyer out of its own pocket (seller protection): nothing moves on the capture.
                dispute.AmountRefunded = dispute.Amount;
                break;
        }

        Close(dispute, outcome, baseUrl);
    }

    /// <summary>POST /v1/customer/disputes/{id}/accept-claim: the merchant gives in; PayPal refunds the buyer from the capture.</summary>
    public ApiResponse AcceptClaim(ApiRequest request, string id)
    {
        var dispute = Find(id, request.ClientId);
        var body = request.Body;
        // The note is for PayPal's agents; it is validated but not shown back, like on PayPal.
        _ = OptNotes(body, "note");
        _ = JsonRead.OptString(body, "accept_claim_reason", string.Empty);
        _ = JsonRead.OptString(body, "invoice_id", string.Empty);
        var type = JsonRead.OptString(body, "accept_claim_type", string.Empty) ?? "REFUND";
        if (!DisputeValues.AcceptClaimTypes.Contains(type))
        {
            throw PayPalApiException.Invalid("/accept_claim_type", type);
        }

        if (!DisputeValues.OfferedAcceptClaimTypes.Contains(type))
        {
            throw PayPalApiException.Unprocessable("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE", "/accept_claim_type", type,
                "This accept_claim_type is not in allowed_response_options for this dispute.");
        }

        // PARTIAL_REFUND needs refund_amount; REFUND refunds the disputed amount unless told otherwise.
        var amount = body?["refund_amount"] is null && type != "PARTIAL_REFUND"
            ? dispute.Amount
            : Money.Parse(body?["refund_amount"], "/refund_amount", "DECIMALS_NOT_SUPPORTED");
        CheckAmount(amount, dispute.Amount, "/refund_amount");

        CheckUnresolved(dispute);
        SettleForBuyer(dispute, amount, "PAYMENT.CAPTURE.REFUNDED", null, request.BaseUrl);
        Close(dispute, DisputeValues.BuyerFavour, request.BaseUrl);
        return new ApiResponse(200, DisputeJson.SubsequentAction(dispute, request.BaseUrl));
    }

    /// <summary>POST /v1/customer/disputes/{id}/provide-evidence: allowed while the dispute waits for the seller; PayPal then reviews it.</summary>
    public ApiResponse ProvideEvidence(ApiRequest request, string id, IReadOnlyList<string> documents)
    {
        var dispute = Find(id, request.ClientId);
        var evidences = ParseEvidences(request.Body, documents, dispute);
        if (dispute.Status != DisputeValues.WaitingForSeller)
        {
            throw NotAllowed($"Evidence can be provided while the dispute is {DisputeValues.WaitingForSeller}; it is {dispute.Status}.");
        }

        dispute.Evidences.AddRange(evidences);
        dispute.Status = DisputeValues.UnderReview;
        dispute.SellerResponseDueDate = null;
        Touch(dispute);
        Publish(dispute, Updated, request.BaseUrl, $"The seller provided evidence for Case # {dispute.Id}");
        return new ApiResponse(200, DisputeJson.SubsequentAction(dispute, request.BaseUrl));
    }

    private List<JsonObject> ParseEvidences(JsonObject? body, IReadOnlyList<string> documents, Dispute dispute)
    {
        var list = JsonRead.OptArray(body, "evidences", string.Empty) ?? throw PayPalApiException.Missing("/evidences");
        if (list.Count is 0 or > 100)
        {
            throw new PayPalApiException(400, list.Count == 0 ? "INVALID_ARRAY_MIN_ITEMS" : "INVALID_ARRAY_MAX_ITEMS", "/evidences", null, "body",
                "evidences holds 1 to 100 items.");
        }

        var result = new List<JsonObject>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"/evidences/{i}";
            var item = list[i] as JsonObject ?? throw PayPalApiException.Syntax(path, list[i]?.ToJsonString());
            var type = JsonRead.ReqString(item, "evidence_type", path);
            if (!DisputeValues.EvidenceTypes.Contains(type))
            {
                throw PayPalApiException.Invalid(path + "/evidence_type", type);
            }

            var info = JsonRead.OptObject(item, "evidence_info", path);
            var tracking = ParseTracking(info, path + "/evidence_info");
            var refundIds = ParseRefundIds(info, path + "/evidence_info");
            var notes = OptNotes(item, "notes", path);
            var itemDocuments = i == 0 ? documents : [];
            var proofMissing = type switch
            {
                "PROOF_OF_FULFILLMENT" => tracking is null && itemDocuments.Count == 0,
                "PROOF_OF_REFUND" => refundIds is null && itemDocuments.Count == 0,
                _ => tracking is null && refundIds is null && notes is null && itemDocuments.Count == 0,
            };
            if (proofMissing)
            {
                throw PayPalApiException.Unprocessable("MISSING_EVIDENCE_INFO", path + "/evidence_info", null, "The evidence information is missing.");
            }

            result.Add(new JsonObject
            {
                ["evidence_type"] = type,
                ["evidence_info"] = tracking is null && refundIds is null ? null : new JsonObject { ["tracking_info"] = tracking, ["refund_ids"] = refundIds },
                ["documents"] = itemDocuments.Count == 0 ? null : new JsonArray([.. itemDocuments.Select(name => (JsonNode)new JsonObject { ["name"] = name })]),
                ["notes"] = notes,
                ["source"] = "SUBMITTED_BY_SELLER",
                ["date"] = Time.Format(store.Now),
                ["dispute_life_cycle_stage"] = dispute.Stage,
            });
        }

        return result;
    }

    private static JsonArray? ParseTracking(JsonObject? info, string path)
    {
        var tracking = JsonRead.OptArray(info, "tracking_info", path);
        if (tracking is null)
        {
            return null;
        }

        if (tracking.Count is 0 or > 10)
        {
            throw new PayPalApiException(400, tracking.Count == 0 ? "INVALID_ARRAY_MIN_ITEMS" : "INVALID_ARRAY_MAX_ITEMS", path + "/tracking_info", null, "body",
                "tracking_info holds 1 to 10 items.");
        }

        var result = new JsonArray();
        for (var i = 0; i < tracking.Count; i++)
        {
            var itemPath = $"{path}/tracking_info/{i}";
            var item = tracking[i] as JsonObject ?? throw PayPalApiException.Syntax(itemPath, tracking[i]?.ToJsonString());
            result.Add(new JsonObject
            {
                ["carrier_name"] = JsonRead.ReqString(item, "carrier_name", itemPath),
                ["carrier_name_other"] = JsonRead.OptString(item, "carrier_name_other", itemPath),
                ["tracking_url"] = JsonRead.OptString(item, "tracking_url", itemPath),
                ["tracking_number"] = JsonRead.ReqString(item, "tracking_number", itemPath),
            });
        }

        return result;
    }

    private static JsonArray? ParseRefundIds(JsonObject? info, string path)
    {
        var ids = JsonRead.OptArray(info, "refund_ids", path);
        if (ids is null)
        {
            return null;
        }

        if (ids.Count == 0)
        {
            throw new PayPalApiException(400, "INVALID_ARRAY_MIN_ITEMS", path + "/refund_ids", null, "body", "refund_ids holds at least one id.");
        }

        var result = new JsonArray();
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (id is null || id.GetValueKind() != System.Text.Json.JsonValueKind.String || id.GetValue<string>().Length is 0 or > 255)
            {
                throw PayPalApiException.Syntax($"{path}/refund_ids/{i}", id?.ToJsonString());
            }

            result.Add(id.GetValue<string>());
        }

        return result;
    }

    private static string? OptNotes(JsonObject? body, string name, string path = "")
    {
        var notes = JsonRead.OptString(body, name, path);
        return notes is { Length: 0 or > MaxNotesLength }
            ? throw new PayPalApiException(400, "INVALID_STRING_LENGTH", path + "/" + name, null, "body", $"{name} holds 1 to {MaxNotesLength} characters.")
            : notes;
    }

    private void SettleForBuyer(Dispute dispute, Money amount, string eventType, string? reason, string baseUrl)
    {
        var capture = dispute.Capture;
        var refundable = Math.Min(amount.Minor, capture.Amount.Minor - capture.RefundedMinor);
        if (refundable > 0)
        {
            dispute.Refund = payments.Refund(capture, amount.With(refundable), null, null, null, baseUrl, eventType, reason);
        }

        dispute.AmountRefunded = amount.With(Math.Max(refundable, 0));
    }

    private void Close(Dispute dispute, string outcome, string baseUrl)
    {
        dispute.Status = DisputeValues.Resolved;
        dispute.OutcomeCode = outcome;
        dispute.SellerResponseDueDate = null;
        dispute.BuyerResponseDueDate = null;
        Touch(dispute);
        Publish(dispute, ResolvedEvent, baseUrl, $"A dispute was resolved with Case # {dispute.Id}");
    }

    private static void CheckAmount(Money amount, Money limit, string field)
    {
        if (amount.Currency != limit.Currency)
        {
            throw PayPalApiException.Unprocessable("CURRENCY_MISMATCH", field + "/currency_code", amount.Currency, "The currency must match the disputed transaction.");
        }

        if (amount.Minor <= 0 || amount.Minor > limit.Minor)
        {
            throw PayPalApiException.Invalid(field + "/value", amount.Value, $"The amount must be greater than zero and at most {limit.Value} {limit.Currency}.");
        }
    }

    private static void CheckUnresolved(Dispute dispute)
    {
        if (dispute.IsResolved)
        {
            throw NotAllowed("The dispute is already RESOLVED.");
        }
    }

    private static PayPalApiException NotAllowed(string description) =>
        PayPalApiException.Unprocessable("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE", description: description);

    private void Touch(Dispute dispute) => dispute.UpdateTime = store.Now;

    private void Publish(Dispute dispute, string eventType, string baseUrl, string summary) =>
        events.Publish(dispute.ClientId, baseUrl, eventType, "dispute", DisputeJson.Full(dispute, baseUrl), summary);

    private string NewId()
    {
        while (true)
        {
            var id = "PP-D-" + RandomNumberGenerator.GetInt32(10_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            if (!_disputes.ContainsKey(id))
            {
                return id;
            }
        }
    }
}
