using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;

namespace Emulator.PayPal.Tests.Orders;

// Stored purchase units are compact JSON: every read is a new tree, so nothing a caller does to it reaches the order.
public sealed class PurchaseUnitTests
{
    private static PurchaseUnit Unit() => new()
    {
        Data = new JsonObject
        {
            ["reference_id"] = "ref-1",
            ["invoice_id"] = "inv-1",
            ["custom_id"] = "c-1",
            ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "10.00" },
            ["items"] = new JsonArray(new JsonObject { ["name"] = "Shoe", ["sku"] = "S-1" }),
        },
        Amount = new Money("EUR", 1000),
    };

    [Fact]
    public void Changing_a_read_copy_leaves_the_stored_unit_alone()
    {
        var unit = Unit();
        var copy = unit.Data;
        copy["reference_id"] = "forged";
        copy["items"]!.AsArray().Clear();

        unit.Data["reference_id"]!.GetValue<string>().ShouldBe("ref-1");
        unit.Data["items"]!.AsArray().Count.ShouldBe(1);
        unit.ReferenceId.ShouldBe("ref-1");
    }

    [Fact]
    public void Ids_follow_an_assigned_unit()
    {
        var unit = Unit();
        (unit.ReferenceId, unit.InvoiceId, unit.CustomId).ShouldBe(("ref-1", "inv-1", "c-1"));

        unit.Data = new JsonObject { ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "1.00" } };

        (unit.ReferenceId, unit.InvoiceId, unit.CustomId).ShouldBe(("default", (string?)null, (string?)null));
        unit.Data.ToJsonString().ShouldBe("""{"amount":{"currency_code":"EUR","value":"1.00"}}""");
    }
}
