using System.Text.RegularExpressions;

namespace Connector.Domain.Tests;

public sealed partial class PayPalRequestIdsTests
{
    private const string PaymentId = "9f3c2a1e-5b7d-4e2f-8a6c-1d0b3e5f7a9c";

    [GeneratedRegex("^[A-Za-z0-9-]{1,100}$")]
    private static partial Regex Allowed();

    [Fact]
    public void Equal_inputs_give_equal_ids() =>
        PayPalRequestIds.For(PaymentId, "capturePayPalOrder", 7, "{}")
            .ShouldBe(PayPalRequestIds.For(PaymentId, "capturePayPalOrder", 7, "{}"));

    // Pinned (computed independently): changing the scheme would let a retry after a deploy charge twice.
    [Fact]
    public void The_scheme_is_stable_across_releases()
    {
        PayPalRequestIds.For(PaymentId, "capturePayPalOrder", 7, "{}")
            .ShouldBe("9f3c2a1e-5b7d-4e2f-8a6c-1d0b3e5f7a9c-capturePayPalOrder-7-c859bb906dce8ef85c34a856ceed7967");
        PayPalRequestIds.ForWebhookOrEvent("WH-1", "PAYMENT.CAPTURE.COMPLETED")
            .ShouldBe("WH-1-PAYMENT-CAPTURE-COMPLETED-413534ef5a7d6cf1533786f9c8922ee7");
    }

    [Fact]
    public void Id_is_readable_and_carries_a_hash()
    {
        var id = PayPalRequestIds.For(PaymentId, "capturePayPalOrder", 7, "{}");
        id.ShouldStartWith($"{PaymentId}-capturePayPalOrder-7-");
        id.Length.ShouldBeLessThanOrEqualTo(100);
        Allowed().IsMatch(id).ShouldBeTrue();
    }

    [Theory]
    [InlineData(PaymentId, "capturePayPalOrder", 7, "{\"a\":1}")]
    [InlineData(PaymentId, "capturePayPalOrder", 8, "{}")]
    [InlineData(PaymentId, "refundPayPalOrder", 7, "{}")]
    [InlineData("9f3c2a1e-5b7d-4e2f-8a6c-1d0b3e5f7a9d", "capturePayPalOrder", 7, "{}")]
    [InlineData(PaymentId, "capturePayPalOrder", 7, "{} ")]
    [InlineData(PaymentId, "capturePayPalOrder", 7, "")]
    public void Any_difference_gives_a_different_id(string id, string operation, long version, string value) =>
        PayPalRequestIds.For(id, operation, version, value).ShouldNotBe(PayPalRequestIds.For(PaymentId, "capturePayPalOrder", 7, "{}"));

    [Theory]
    [InlineData("a_b", "op", "a.b", "op")]
    [InlineData("a", "b-c", "a-b", "c")]
    [InlineData("ab", "c", "a", "bc")]
    public void Inputs_that_sanitize_alike_still_differ(string id1, string op1, string id2, string op2) =>
        PayPalRequestIds.For(id1, op1, 1, "x").ShouldNotBe(PayPalRequestIds.For(id2, op2, 1, "x"));

    [Theory]
    [InlineData("", "", 0, "")]
    [InlineData("ünïcödé id with spaces / and slashes", "op:with:colons", 1, "{}")]
    [InlineData("a-very-long-identifier-that-goes-on-and-on-and-on-well-beyond-any-reasonable-length-0123456789", "anOperationNameThatIsAlsoQuiteLongIndeed", long.MaxValue, "{}")]
    [InlineData("---", "___", -1, "{}")]
    public void Ids_are_always_short_and_safe(string id, string operation, long version, string value)
    {
        var requestId = PayPalRequestIds.For(id, operation, version, value);
        Allowed().IsMatch(requestId).ShouldBeTrue(requestId);
    }

    [Fact]
    public void Large_request_values_only_change_the_hash()
    {
        var big = new string('x', 100_000);
        var id = PayPalRequestIds.For(PaymentId, "createPayPalOrder", 3, big);
        id.Length.ShouldBeLessThanOrEqualTo(100);
        id.ShouldNotBe(PayPalRequestIds.For(PaymentId, "createPayPalOrder", 3, big + "y"));
    }

    [Theory]
    [InlineData("WH-1", "capture", "WH-1", "refund")]
    [InlineData("WH-1", "capture", "WH-2", "capture")]
    [InlineData("a", "bc", "ab", "c")]
    public void Event_ids_differ_when_inputs_differ(string a1, string b1, string a2, string b2) =>
        PayPalRequestIds.ForWebhookOrEvent(a1, b1).ShouldNotBe(PayPalRequestIds.ForWebhookOrEvent(a2, b2));

    [Fact]
    public void Event_ids_are_deterministic_and_safe()
    {
        var id = PayPalRequestIds.ForWebhookOrEvent("WH-2WR32451HC0233532-67976317FL4543714", "PAYMENT.CAPTURE.COMPLETED");
        id.ShouldBe(PayPalRequestIds.ForWebhookOrEvent("WH-2WR32451HC0233532-67976317FL4543714", "PAYMENT.CAPTURE.COMPLETED"));
        Allowed().IsMatch(id).ShouldBeTrue();
    }

    [Fact]
    public void Event_ids_do_not_collide_with_payment_ids() =>
        PayPalRequestIds.ForWebhookOrEvent("a", "b").ShouldNotBe(PayPalRequestIds.For("a", "b", 0, ""));
}
