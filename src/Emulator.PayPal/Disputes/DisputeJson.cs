using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;

namespace Emulator.PayPal.Disputes;

/// <summary>Renders disputes the way Customer Disputes v1 answers them (snake_case; nulls are dropped on the way out).</summary>
internal static class DisputeJson
{
    public const string BasePath = "/v1/customer/disputes";

    /// <summary>Show dispute details; also the <c>resource</c> of the CUSTOMER.DISPUTE.* webhooks.</summary>
    public static JsonObject Full(Dispute d, string baseUrl)
    {
        var capture = d.Capture;
        var payerName = capture.Order.Payer?["name"] is JsonObject name
            ? string.Join(' ', new[] { name["given_name"]?.GetValue<string>(), name["surname"]?.GetValue<string>() }.Where(n => !string.IsNullOrEmpty(n)))
            : null;
        return new JsonObject
        {
            ["dispute_id"] = d.Id,
            ["create_time"] = Time.Format(d.CreateTime),
            ["update_time"] = Time.Format(d.UpdateTime),
            ["disputed_transactions"] = new JsonArray
            {
                new JsonObject
                {
                    ["seller_transaction_id"] = capture.Id,
                    ["create_time"] = Time.Format(capture.CreateTime),
                    ["transaction_status"] = capture.Status,
                    ["gross_amount"] = capture.Amount.ToJson(),
                    ["invoice_number"] = capture.Unit.InvoiceId ?? capture.InvoiceId,
                    ["custom"] = capture.CustomId,
                    ["buyer"] = string.IsNullOrEmpty(payerName) ? null : new JsonObject { ["name"] = payerName },
                    ["seller_protection_eligible"] = capture.Order.Source?.Kind is "paypal" or "venmo",
                },
            },
            ["reason"] = d.Reason,
            ["status"] = d.Status,
            ["dispute_state"] = d.State,
            ["dispute_amount"] = d.Amount.ToJson(),
            ["dispute_outcome"] = d.OutcomeCode is null ? null : new JsonObject
            {
                ["outcome_code"] = d.OutcomeCode,
                ["amount_refunded"] = d.AmountRefunded?.ToJson(),
            },
            ["money_movements"] = d.Refund is null ? null : new JsonArray
            {
                new JsonObject
                {
                    ["affected_party"] = "SELLER",
                    ["amount"] = d.Refund.Amount.ToJson(),
                    ["initiated_time"] = Time.Format(d.Refund.CreateTime),
                    ["type"] = "DEBIT",
                    ["reason"] = "DISPUTE_SETTLEMENT",
                },
            },
            ["dispute_life_cycle_stage"] = d.Stage,
            ["dispute_channel"] = d.Channel,
            ["evidences"] = d.Evidences.Count == 0 ? null : new JsonArray([.. d.Evidences.Select(e => (JsonNode)e.DeepClone())]),
            ["buyer_response_due_date"] = d.BuyerResponseDueDate is { } buyerDue ? Time.Format(buyerDue) : null,
            ["seller_response_due_date"] = d.SellerResponseDueDate is { } sellerDue ? Time.Format(sellerDue) : null,
            ["allowed_response_options"] = d.IsResolved ? null : new JsonObject
            {
                ["accept_claim"] = new JsonObject { ["accept_claim_types"] = new JsonArray([.. DisputeValues.OfferedAcceptClaimTypes.Select(t => (JsonNode)t)]) },
            },
            ["links"] = Links(d, baseUrl),
        };
    }

    /// <summary>One item of List disputes (the summary set of fields).</summary>
    public static JsonObject Summary(Dispute d, string baseUrl) => new()
    {
        ["dispute_id"] = d.Id,
        ["create_time"] = Time.Format(d.CreateTime),
        ["update_time"] = Time.Format(d.UpdateTime),
        ["reason"] = d.Reason,
        ["status"] = d.Status,
        ["dispute_state"] = d.State,
        ["dispute_amount"] = d.Amount.ToJson(),
        ["dispute_life_cycle_stage"] = d.Stage,
        ["dispute_channel"] = d.Channel,
        ["seller_response_due_date"] = d.SellerResponseDueDate is { } due ? Time.Format(due) : null,
        ["links"] = new JsonArray { Infrastructure.Links.Make(baseUrl, BasePath + "/" + d.Id, "self", "GET") },
    };

    /// <summary>The answer of the dispute actions (<c>subsequent_action</c>): a link back to the dispute.</summary>
    public static JsonObject SubsequentAction(Dispute d, string baseUrl) => new()
    {
        ["links"] = new JsonArray { Infrastructure.Links.Make(baseUrl, BasePath + "/" + d.Id, "self", "GET") },
    };

    private static JsonArray Links(Dispute d, string baseUrl)
    {
        var self = BasePath + "/" + d.Id;
        var links = new JsonArray { Infrastructure.Links.Make(baseUrl, self, "self", "GET") };
        if (!d.IsResolved)
        {
            links.Add(Infrastructure.Links.Make(baseUrl, self + "/accept-claim", "accept_claim", "POST"));
        }

        if (d.Status == DisputeValues.WaitingForSeller)
        {
            links.Add(Infrastructure.Links.Make(baseUrl, self + "/provide-evidence", "provide_evidence", "POST"));
        }

        return links;
    }
}
