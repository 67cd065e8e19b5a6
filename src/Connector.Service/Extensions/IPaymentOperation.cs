using Connector.Commercetools.Models;

namespace Connector.Service.Extensions;

/// <summary>One payment operation, triggered by the custom field <c>&lt;Name&gt;Request</c>.</summary>
internal interface IPaymentOperation
{
    /// <summary>The operation name, e.g. <c>capturePayPalOrder</c>; the fields are <c>Name + "Request"</c> and <c>Name + "Response"</c>.</summary>
    string Name { get; }

    Task<OperationResult> ExecuteAsync(PaymentOperationContext context, CancellationToken cancellationToken);
}

/// <summary>One customer operation, triggered by the custom field <c>&lt;Name&gt;Request</c>.</summary>
internal interface ICustomerOperation
{
    string Name { get; }

    Task<OperationResult> ExecuteAsync(CustomerOperationContext context, CancellationToken cancellationToken);
}

/// <summary>The payment as commercetools sent it and the raw request value.</summary>
internal sealed record PaymentOperationContext(Payment Payment, string RequestValue, string ExtensionAction)
{
    public string FieldName(string operation) => operation + "Request";
}

/// <summary>The customer as commercetools sent it and the raw request value.</summary>
internal sealed record CustomerOperationContext(Customer Customer, string RequestValue, string ExtensionAction);
