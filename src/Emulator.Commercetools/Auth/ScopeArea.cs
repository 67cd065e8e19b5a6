namespace Emulator.Commercetools.Auth;

/// <summary>The scopes that grant read (GET/HEAD) and write access to an endpoint area. <c>manage_X</c> implies <c>view_X</c>; <c>manage_project</c> implies everything.</summary>
internal sealed record ScopeArea(IReadOnlyList<string> View, IReadOnlyList<string> Manage)
{
    public static readonly ScopeArea Payments = new(["view_payments"], ["manage_payments"]);
    public static readonly ScopeArea Types = new(["view_types"], ["manage_types"]);
    public static readonly ScopeArea Extensions = new(["view_extensions"], ["manage_extensions"]);
    public static readonly ScopeArea CustomObjects = new(
        ["view_key_value_documents", "view_products", "view_orders", "view_customers"],
        ["manage_key_value_documents", "manage_products", "manage_orders", "manage_customers"]);
    public static readonly ScopeArea Orders = new(["view_orders"], ["manage_orders"]);
    public static readonly ScopeArea Customers = new(["view_customers"], ["manage_customers"]);
    public static readonly ScopeArea Products = new(["view_products", "view_published_products"], ["manage_products"]);
    public static readonly ScopeArea TaxCategories = new(["view_tax_categories", "view_products"], ["manage_tax_categories", "manage_products"]);
    public static readonly ScopeArea ShippingMethods = new(["view_shipping_methods", "view_orders"], ["manage_shipping_methods"]);
    public static readonly ScopeArea Messages = new(["view_messages"], []);
    public static readonly ScopeArea Subscriptions = new(["view_subscriptions"], ["manage_subscriptions"]);
    public static readonly ScopeArea PaymentMethods = new(["view_payment_methods"], ["manage_payment_methods"]);
    public static readonly ScopeArea MyPayments = new([], ["manage_my_payments"]);
    public static readonly ScopeArea MyProfile = new(["view_my_profile"], ["manage_my_profile"]);
    public static readonly ScopeArea MyOrders = new(["view_my_orders"], ["manage_my_orders"]);

    public IEnumerable<string> Required(bool write) => write ? Manage : View.Concat(Manage);
}
