namespace Connector.Domain.Checkout;

/// <summary>How a <see cref="PurchaseUnitPlan"/> itemised the amount.</summary>
public enum BreakdownStrategy
{
    /// <summary>Amount only: no breakdown, no items.</summary>
    None,

    /// <summary>Net unit amounts with per-item tax; <c>tax_total</c> = Σ tax × quantity.</summary>
    NetItemsWithItemTax,

    /// <summary>Net unit amounts without per-item tax; <c>tax_total</c> = the cart's total tax.</summary>
    NetItemsWithTaxTotal,

    /// <summary>Gross unit amounts; no <c>tax_total</c>.</summary>
    GrossItems,
}
