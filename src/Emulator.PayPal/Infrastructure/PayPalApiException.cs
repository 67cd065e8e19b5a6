using System.Text.Json.Nodes;

namespace Emulator.PayPal.Infrastructure;

/// <summary>A PayPal business or validation error; rendered as PayPal's error envelope by <see cref="ErrorHandlingMiddleware"/>.</summary>
internal sealed class PayPalApiException : Exception
{
    public PayPalApiException(int status, string issue, string? field = null, string? value = null, string location = "body", string? description = null)
        : base(issue)
    {
        Status = status;
        Issue = issue;
        Field = field;
        Value = value;
        Location = location;
        Description = description ?? DefaultDescription(issue);
    }

    public int Status { get; }

    public string Issue { get; }

    public string? Field { get; }

    public string? Value { get; }

    public string Location { get; }

    public string Description { get; }

    public JsonArray? ExtraLinks { get; init; }

    public static PayPalApiException NotFound(string field, string value) =>
        new(404, "INVALID_RESOURCE_ID", field, value, "path", "Specified resource ID does not exist. Please check the resource ID and try again.");

    public static PayPalApiException Missing(string field) =>
        new(400, "MISSING_REQUIRED_PARAMETER", field, null, "body", "A required field / parameter is missing.");

    public static PayPalApiException Invalid(string field, string? value, string? description = null) =>
        new(400, "INVALID_PARAMETER_VALUE", field, value, "body", description ?? "The value of a field is invalid.");

    public static PayPalApiException Syntax(string field, string? value) =>
        new(400, "INVALID_PARAMETER_SYNTAX", field, value, "body", "The value of a field does not conform to the expected format.");

    public static PayPalApiException Unprocessable(string issue, string? field = null, string? value = null, string? description = null) =>
        new(422, issue, field, value, "body", description);

    public static string NameFor(int status) => status switch
    {
        400 => "INVALID_REQUEST",
        401 => "AUTHENTICATION_FAILURE",
        403 => "NOT_AUTHORIZED",
        404 => "RESOURCE_NOT_FOUND",
        409 => "RESOURCE_CONFLICT",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        422 => "UNPROCESSABLE_ENTITY",
        503 => "SERVICE_UNAVAILABLE",
        _ => "INTERNAL_SERVER_ERROR",
    };

    public static string MessageFor(int status) => status switch
    {
        400 => "Request is not well-formed, syntactically incorrect, or violates schema.",
        401 => "Authentication failed due to missing authorization header, or invalid authentication credentials.",
        403 => "Authorization failed due to insufficient permissions.",
        404 => "The specified resource does not exist.",
        409 => "The server has detected a conflict while processing this request.",
        415 => "The server does not support the request payload's media type.",
        422 => "The requested action could not be performed, semantically incorrect, or failed business validation.",
        503 => "Service Unavailable.",
        _ => "An internal server error has occurred.",
    };

    /// <summary>The status PayPal answers for a documented issue code (used by PayPal-Mock-Response).</summary>
    public static int StatusForIssue(string issue) => issue switch
    {
        "INTERNAL_SERVER_ERROR" or "INTERNAL_SERVICE_ERROR" => 500,
        "SERVICE_UNAVAILABLE" => 503,
        "AUTHENTICATION_FAILURE" or "INVALID_ACCOUNT_STATUS" => 401,
        "PERMISSION_DENIED" or "NOT_AUTHORIZED" => 403,
        "INVALID_RESOURCE_ID" or "RESOURCE_NOT_FOUND" => 404,
        "PREVIOUS_REQUEST_IN_PROGRESS" or "RESOURCE_CONFLICT" => 409,
        "MISSING_REQUIRED_PARAMETER" or "INVALID_PARAMETER_VALUE" or "INVALID_PARAMETER_SYNTAX" or "INVALID_STRING_LENGTH"
            or "MALFORMED_REQUEST_JSON" or "INVALID_COUNTRY_CODE" or "PAYPAL_REQUEST_ID_REQUIRED" or "FIELD_NOT_PATCHABLE"
            or "INVALID_PATCH_OPERATION" or "INVALID_ARRAY_MAX_ITEMS" or "INVALID_ARRAY_MIN_ITEMS" => 400,
        _ => 422,
    };

    private static string DefaultDescription(string issue) => issue switch
    {
        "ORDER_NOT_APPROVED" => "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.",
        "ORDER_ALREADY_CAPTURED" => "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed.",
        "ORDER_ALREADY_AUTHORIZED" => "Order already authorized.If 'intent=AUTHORIZE' only one authorization per order is allowed.",
        "ACTION_DOES_NOT_MATCH_INTENT" => "Order does not match the intent of the request.",
        "INSTRUMENT_DECLINED" => "The instrument presented  was either declined by the processor or bank, or it can't be used for this payment.",
        "TRANSACTION_REFUSED" => "The request was refused.",
        "AMOUNT_MISMATCH" => "Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.",
        "ITEM_TOTAL_MISMATCH" => "Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit.",
        "TAX_TOTAL_MISMATCH" => "Should equal sum of (tax * quantity) across all items for a given purchase_unit.",
        "ITEM_TOTAL_REQUIRED" => "If item details are specified (items.unit_amount and items.quantity) corresponding amount.breakdown.item_total is required.",
        "TAX_TOTAL_REQUIRED" => "If item details are specified (items.tax_total and items.quantity) corresponding amount.breakdown.tax_total is required.",
        "DECIMAL_PRECISION" => "If the currency supports decimals, only two decimal place precision is supported.",
        "DECIMALS_NOT_SUPPORTED" => "Currency does not support decimals.",
        "INVALID_CURRENCY_CODE" => "Currency code is invalid or is not currently supported.",
        "CANNOT_MIX_CURRENCIES" => "Currency code should be the same for all amounts in a purchase unit.",
        "DUPLICATE_INVOICE_ID" => "Duplicate Invoice ID detected. To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.",
        "PAYER_ACTION_REQUIRED" => "Transaction cannot complete successfully, instruct the buyer to return to PayPal.",
        "PAYPAL_REQUEST_ID_REQUIRED" => "A PayPal-Request-Id is required if you are trying to process payment for an Order.",
        "MALFORMED_REQUEST_JSON" => "The request JSON is not well formed.",
        _ => issue.Replace('_', ' ').ToLowerInvariant(),
    };
}
