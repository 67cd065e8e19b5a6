namespace Connector.PayPal.Models;

/// <summary>
/// A Customer Disputes v1 dispute (<c>GET /v1/customer/disputes/{id}</c>, the <c>resource</c> of <c>CUSTOMER.DISPUTE.*</c>
/// webhooks, or a summary item of the list), with the fields the connector reads. Times stay PayPal's text.
/// </summary>
public sealed record PayPalDispute
{
    public required string DisputeId { get; init; }

    public string? CreateTime { get; init; }

    public string? UpdateTime { get; init; }

    public List<DisputedTransaction> DisputedTransactions { get; init; } = [];

    public string? Reason { get; init; }

    public string? Status { get; init; }

    public string? DisputeState { get; init; }

    public PayPalMoney? DisputeAmount { get; init; }

    public string? DisputeLifeCycleStage { get; init; }

    public string? DisputeChannel { get; init; }

    public string? SellerResponseDueDate { get; init; }

    public string? BuyerResponseDueDate { get; init; }

    public DisputeOutcome? DisputeOutcome { get; init; }

    public List<DisputeMoneyMovement> MoneyMovements { get; init; } = [];

    /// <summary>The evidences given so far (kept raw: the connector only counts them).</summary>
    public System.Text.Json.Nodes.JsonArray? Evidences { get; init; }
}

/// <summary>The capture a dispute is about: <c>seller_transaction_id</c> is the capture id.</summary>
public sealed record DisputedTransaction
{
    public string? SellerTransactionId { get; init; }

    public string? InvoiceNumber { get; init; }

    public string? Custom { get; init; }

    public PayPalMoney? GrossAmount { get; init; }
}

/// <summary>How a resolved dispute ended.</summary>
public sealed record DisputeOutcome
{
    public string? OutcomeCode { get; init; }

    public PayPalMoney? AmountRefunded { get; init; }
}

/// <summary>Money a dispute moved (for the seller: a DEBIT when the buyer got money back).</summary>
public sealed record DisputeMoneyMovement
{
    public string? AffectedParty { get; init; }

    public PayPalMoney? Amount { get; init; }

    public string? InitiatedTime { get; init; }

    public string? Type { get; init; }

    public string? Reason { get; init; }
}

/// <summary>One page of <c>GET /v1/customer/disputes</c> (summary items).</summary>
public sealed record PayPalDisputeList
{
    public List<PayPalDispute> Items { get; init; } = [];

    public List<LinkDescription> Links { get; init; } = [];
}
