using System.Diagnostics.CodeAnalysis;
using Connector.Domain.Contract;
using Connector.Service.Vault;
using Connector.Service.Disputes;
using Connector.Service.ApiExtension;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>
/// Which handler runs each operation of the connector contract. The operation names, their order and resource come from
/// <see cref="ConnectorOperations"/> (which also gives deploy its custom-type fields and trigger conditions); this table is
/// the only place a name meets its handler: DI registers each handler under its name, and the dispatcher resolves, per
/// call, only the handlers whose request field is set.
/// </summary>
internal static class OperationTable
{
    /// <summary>Payment operations: name → handler.</summary>
    public static IReadOnlyList<OperationEntry> Payment { get; } =
    [
        ForPayment<CreatePayPalOrder>("createPayPalOrder"),
        ForPayment<GetClientToken>("getClientToken"),
        ForPayment<AuthorizePayPalOrder>("authorizePayPalOrder"),
        ForPayment<CapturePayPalOrder>("capturePayPalOrder"),
        ForPayment<CapturePayPalAuthorization>("capturePayPalAuthorization"),
        ForPayment<VoidPayPalAuthorization>("voidPayPalAuthorization"),
        ForPayment<GetPayPalOrder>("getPayPalOrder"),
        ForPayment<GetPayPalCapture>("getPayPalCapture"),
        ForPayment<RefundPayPalOrder>("refundPayPalOrder"),
        ForPayment<CreateTrackingInformation>("createTrackingInformation"),
        ForPayment<UpdateTrackingInformation>("updateTrackingInformation"),
        ForPayment<UpdatePayPalOrder>("updatePayPalOrder"),
        ForPayment<GetPayPalDispute>("getPayPalDispute"),
        ForPayment<AcceptPayPalDisputeClaim>("acceptPayPalDisputeClaim"),
        ForPayment<ProvidePayPalDisputeEvidence>("providePayPalDisputeEvidence"),
    ];

    /// <summary>Customer operations: name → handler.</summary>
    public static IReadOnlyList<OperationEntry> Customer { get; } =
    [
        ForCustomer<GetUserIDToken>("getUserIDToken"),
        ForCustomer<CreateVaultSetupToken>("createVaultSetupToken"),
        ForCustomer<CreatePaymentToken>("createPaymentToken"),
        ForCustomer<GetPaymentTokens>("getPaymentTokens"),
        ForCustomer<DeletePaymentToken>("deletePaymentToken"),
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

    private static OperationEntry ForPayment<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(string name) where T : class, IPaymentOperation =>
        new(name, "payment", typeof(T), s => s.AddKeyedTransient<IPaymentOperation, T>(name));

    private static OperationEntry ForCustomer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(string name) where T : class, ICustomerOperation =>
        new(name, "customer", typeof(T), s => s.AddKeyedTransient<ICustomerOperation, T>(name));
}

/// <summary>One operation: its name (the <c>&lt;name&gt;Request</c> field), resource type, handler type and registration.</summary>
internal sealed record OperationEntry(string Name, string Resource, Type Handler, Action<IServiceCollection> Register);
