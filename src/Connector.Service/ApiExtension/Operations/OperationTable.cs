using System.Diagnostics.CodeAnalysis;
using Connector.Domain.Contract;
using Ops = Connector.Domain.Contract.ConnectorOperations;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// Which handler runs each operation of the connector contract. Each operation is declared once, in
/// <see cref="ConnectorOperations"/> (name, resource, run order; deploy derives the custom-type fields and trigger
/// conditions from it); this table binds each declared operation to its handler, and is the only place they meet: DI
/// registers each handler under the operation's name, the dispatcher resolves, per call, only the handlers whose request
/// field is set, and the resource's extension timeout is the deadline class (payment or customer).
/// </summary>
internal static class OperationTable
{
    /// <summary>Payment operations: name → handler.</summary>
    public static IReadOnlyList<OperationEntry> Payment { get; } =
    [
        ForPayment<CreatePayPalOrder>(Ops.CreatePayPalOrder),
        ForPayment<GetClientToken>(Ops.GetClientToken),
        ForPayment<AuthorizePayPalOrder>(Ops.AuthorizePayPalOrder),
        ForPayment<CapturePayPalOrder>(Ops.CapturePayPalOrder),
        ForPayment<CapturePayPalAuthorization>(Ops.CapturePayPalAuthorization),
        ForPayment<VoidPayPalAuthorization>(Ops.VoidPayPalAuthorization),
        ForPayment<GetPayPalOrder>(Ops.GetPayPalOrder),
        ForPayment<GetPayPalCapture>(Ops.GetPayPalCapture),
        ForPayment<RefundPayPalOrder>(Ops.RefundPayPalOrder),
        ForPayment<CreateTrackingInformation>(Ops.CreateTrackingInformation),
        ForPayment<UpdateTrackingInformation>(Ops.UpdateTrackingInformation),
        ForPayment<UpdatePayPalOrder>(Ops.UpdatePayPalOrder),
        ForPayment<GetPayPalDispute>(Ops.GetPayPalDispute),
        ForPayment<AcceptPayPalDisputeClaim>(Ops.AcceptPayPalDisputeClaim),
        ForPayment<ProvidePayPalDisputeEvidence>(Ops.ProvidePayPalDisputeEvidence),
    ];

    /// <summary>Customer operations: name → handler.</summary>
    public static IReadOnlyList<OperationEntry> Customer { get; } =
    [
        ForCustomer<GetUserIDToken>(Ops.GetUserIDToken),
        ForCustomer<CreateVaultSetupToken>(Ops.CreateVaultSetupToken),
        ForCustomer<CreatePaymentToken>(Ops.CreatePaymentToken),
        ForCustomer<GetPaymentTokens>(Ops.GetPaymentTokens),
        ForCustomer<DeletePaymentToken>(Ops.DeletePaymentToken),
    ];

    /// <summary>Registers every handler as a keyed transient service under its operation name.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        foreach (var entry in Payment.Concat(Customer))
        {
            entry.Register(services);
        }

        return services;
    }

    private static OperationEntry ForPayment<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(ConnectorOperation operation)
        where T : class, IPaymentOperation =>
        new(operation.Name, Resource(operation, Ops.Payment), typeof(T), s => s.AddKeyedTransient<IPaymentOperation, T>(operation.Name));

    private static OperationEntry ForCustomer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(ConnectorOperation operation)
        where T : class, ICustomerOperation =>
        new(operation.Name, Resource(operation, Ops.Customer), typeof(T), s => s.AddKeyedTransient<ICustomerOperation, T>(operation.Name));

    // A payment handler bound to a customer operation (or the reverse) would never be resolved: fail at start-up.
    private static string Resource(ConnectorOperation operation, string handlerResource) =>
        operation.Resource == handlerResource ? handlerResource
            : throw new InvalidOperationException($"{operation.Name} is a {operation.Resource} operation, bound to a {handlerResource} handler.");
}

/// <summary>One operation: its name (the <c>&lt;name&gt;Request</c> field), resource type, handler type and registration.</summary>
internal sealed record OperationEntry(string Name, string Resource, Type Handler, Action<IServiceCollection> Register);
