using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>Builds custom field values (raw JSON) for update actions.</summary>
public static class CustomFieldValues
{
    /// <summary>A String field value.</summary>
    public static FieldValue String(string value) => FieldValue.String(value);
}
