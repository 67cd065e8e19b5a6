using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools.Models;
using Connector.Domain;

namespace Connector.Service.ApiExtension.Operations;

/// <summary>The optional <c>amount</c> argument (major units, number or string), exact in the payment's currency.</summary>
internal static class AmountArgument
{
    public static Money? Parse(JsonObject request, Payment payment, string field)
    {
        var node = request["amount"];
        if (node is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        var planned = payment.AmountPlanned;
        var digits = planned.FractionDigits ?? Currencies.CommercetoolsFractionDigits(planned.CurrencyCode);
        return Money.ParseMajorUnits(document.RootElement, planned.CurrencyCode, digits, field + ".amount");
    }
}
