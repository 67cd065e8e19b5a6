namespace Connector.Domain.Tests;

public sealed class TransactionStatesTests
{
    [Theory]
    [InlineData("COMPLETED", TransactionState.Success)]
    [InlineData("REFUNDED", TransactionState.Success)]
    [InlineData("PARTIALLY_REFUNDED", TransactionState.Success)]
    [InlineData("DECLINED", TransactionState.Failure)]
    [InlineData("FAILED", TransactionState.Failure)]
    [InlineData("PENDING", TransactionState.Pending)]
    [InlineData("SOMETHING_NEW", TransactionState.Pending)]
    [InlineData("completed", TransactionState.Success)]
    [InlineData("", TransactionState.Pending)]
    [InlineData(null, TransactionState.Pending)]
    public void Capture_status(string? status, TransactionState expected) =>
        TransactionStates.FromCaptureStatus(status).ShouldBe(expected);

    [Theory]
    [InlineData("CREATED", TransactionState.Success)]
    [InlineData("CAPTURED", TransactionState.Success)]
    [InlineData("PARTIALLY_CAPTURED", TransactionState.Success)]
    [InlineData("VOIDED", TransactionState.Success)]
    [InlineData("DENIED", TransactionState.Failure)]
    [InlineData("EXPIRED", TransactionState.Failure)]
    [InlineData("PENDING", TransactionState.Pending)]
    [InlineData("UNKNOWN", TransactionState.Pending)]
    [InlineData(null, TransactionState.Pending)]
    public void Authorization_status(string? status, TransactionState expected) =>
        TransactionStates.FromAuthorizationStatus(status).ShouldBe(expected);

    [Theory]
    [InlineData("COMPLETED", TransactionState.Success)]
    [InlineData("CANCELLED", TransactionState.Failure)]
    [InlineData("FAILED", TransactionState.Failure)]
    [InlineData("PENDING", TransactionState.Pending)]
    [InlineData("REFUNDED", TransactionState.Pending)]
    [InlineData(null, TransactionState.Pending)]
    public void Refund_status(string? status, TransactionState expected) =>
        TransactionStates.FromRefundStatus(status).ShouldBe(expected);

    [Theory]
    [InlineData(TransactionState.Initial, TransactionState.Initial, false)]
    [InlineData(TransactionState.Initial, TransactionState.Pending, true)]
    [InlineData(TransactionState.Initial, TransactionState.Success, true)]
    [InlineData(TransactionState.Initial, TransactionState.Failure, true)]
    [InlineData(TransactionState.Pending, TransactionState.Initial, false)]
    [InlineData(TransactionState.Pending, TransactionState.Pending, false)]
    [InlineData(TransactionState.Pending, TransactionState.Success, true)]
    [InlineData(TransactionState.Pending, TransactionState.Failure, true)]
    [InlineData(TransactionState.Success, TransactionState.Initial, false)]
    [InlineData(TransactionState.Success, TransactionState.Pending, false)]
    [InlineData(TransactionState.Success, TransactionState.Success, false)]
    [InlineData(TransactionState.Success, TransactionState.Failure, false)]
    [InlineData(TransactionState.Failure, TransactionState.Initial, false)]
    [InlineData(TransactionState.Failure, TransactionState.Pending, false)]
    [InlineData(TransactionState.Failure, TransactionState.Success, false)]
    [InlineData(TransactionState.Failure, TransactionState.Failure, false)]
    public void States_only_move_forward(TransactionState from, TransactionState to, bool allowed) =>
        TransactionStates.CanMove(from, to).ShouldBe(allowed);

    [Theory]
    [InlineData(TransactionType.Authorization, "Authorization")]
    [InlineData(TransactionType.CancelAuthorization, "CancelAuthorization")]
    [InlineData(TransactionType.Charge, "Charge")]
    [InlineData(TransactionType.Refund, "Refund")]
    [InlineData(TransactionType.Chargeback, "Chargeback")]
    public void Transaction_type_names_are_the_commercetools_wire_values(TransactionType type, string wire) =>
        type.ToString().ShouldBe(wire);
}
