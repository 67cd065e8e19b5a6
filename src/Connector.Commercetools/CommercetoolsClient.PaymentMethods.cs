using Connector.Commercetools.Models;

namespace Connector.Commercetools;

public sealed partial class CommercetoolsClient
{
    /// <summary>/payment-methods (scopes <c>view_payment_methods</c> / <c>manage_payment_methods</c>).</summary>
    public CommercetoolsResource<PaymentMethod, PaymentMethodDraft, PaymentMethodUpdateAction> PaymentMethods => field ??=
        new(this, "payment-methods", Json.PaymentMethod, Json.PaymentMethodDraft, Json.UpdateRequestPaymentMethodUpdateAction, Json.PagedQueryResponsePaymentMethod);
}
