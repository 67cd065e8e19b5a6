using Connector.Commercetools.Models;
using Connector.PayPal;
using Connector.Service.ApiExtension.Operations;

namespace Connector.Service.ApiExtension;

/// <summary>
/// One payment operation, triggered by the custom field <c>&lt;operation&gt;Request</c>. Which name runs which handler is
/// declared once, in <see cref="OperationTable"/>; the handler reads its name from the context.
/// </summary>
internal interface IPaymentOperation
{
    Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// What the response field says when PayPal refuses the call (a 4xx that is not an authentication failure); null for
    /// the common <c>{"success":false,"message":...,"details":...}</c> with PayPal's message.
    /// </summary>
    OperationResult? MapPayPalFailure(PayPalApiException failure) => null;
}

/// <summary>One customer operation, triggered by the custom field <c>&lt;operation&gt;Request</c>.</summary>
internal interface ICustomerOperation
{
    Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken);
}

/// <summary>The payment as commercetools sent it, the raw request value and the operation it asks for.</summary>
internal sealed record PaymentOperationContext(Payment Payment, string RequestValue, string ExtensionAction, string Operation)
{
    /// <summary>The request field, <c>&lt;operation&gt;Request</c>: named in every error about the request.</summary>
    public string Field => Operation + "Request";
}

/// <summary>The customer as commercetools sent it, the raw request value and the operation it asks for.</summary>
internal sealed record CustomerOperationContext(Customer Customer, string RequestValue, string ExtensionAction, string Operation)
{
    /// <summary>The request field, <c>&lt;operation&gt;Request</c>.</summary>
    public string Field => Operation + "Request";
}
