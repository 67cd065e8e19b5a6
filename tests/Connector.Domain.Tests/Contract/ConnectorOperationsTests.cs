using Connector.Domain.Contract;

namespace Connector.Domain.Tests.Contract;

/// <summary>
/// Deploy writes these names into the custom types and the extension trigger conditions of projects already running
/// the connector (and the TypeScript one): the lists and the conditions must stay exactly what they were.
/// </summary>
public sealed class ConnectorOperationsTests
{
    [Fact]
    public void Payment_operations_keep_their_names_and_order() =>
        ConnectorOperations.On("payment").ShouldBe(
        [
            "createPayPalOrder", "getClientToken", "authorizePayPalOrder", "capturePayPalOrder", "capturePayPalAuthorization",
            "voidPayPalAuthorization", "getPayPalOrder", "getPayPalCapture", "refundPayPalOrder", "createTrackingInformation",
            "updateTrackingInformation", "updatePayPalOrder", "getPayPalDispute", "acceptPayPalDisputeClaim", "providePayPalDisputeEvidence",
        ]);

    [Fact]
    public void Customer_operations_keep_their_names_and_order() =>
        ConnectorOperations.On("customer").ShouldBe(["getUserIDToken", "createVaultSetupToken", "createPaymentToken", "getPaymentTokens", "deletePaymentToken"]);

    [Fact]
    public void The_customer_trigger_condition_is_unchanged() =>
        ConnectorOperations.TriggerCondition("customer").ShouldBe(
            "custom is defined AND custom(fields is defined) AND (custom(fields(getUserIDTokenRequest is defined)) or "
            + "custom(fields(createVaultSetupTokenRequest is defined)) or custom(fields(createPaymentTokenRequest is defined)) or "
            + "custom(fields(getPaymentTokensRequest is defined)) or custom(fields(deletePaymentTokenRequest is defined)))");

    [Fact]
    public void The_payment_trigger_condition_names_every_payment_request_field_in_order() =>
        ConnectorOperations.TriggerCondition("payment").ShouldBe(
            "custom is defined AND custom(fields is defined) AND ("
            + string.Join(" or ", ConnectorOperations.All.Where(o => o.Resource == "payment").Select(o => $"custom(fields({o.RequestField} is defined))"))
            + ")");

    [Fact]
    public void Each_operation_is_declared_once() =>
        ConnectorOperations.All.Select(o => o.Name).Distinct().Count().ShouldBe(ConnectorOperations.All.Count);

    [Fact]
    public void An_unknown_resource_has_no_operations() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ConnectorOperations.On("cart"));
}
