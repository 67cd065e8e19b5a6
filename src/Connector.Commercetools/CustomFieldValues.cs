using System.Text.Json;

namespace Connector.Commercetools;

/// <summary>Builds custom field values (raw JSON) for update actions.</summary>
public static class CustomFieldValues
{
    /// <summary>A String field value.</summary>
    public static JsonElement String(string value) => JsonSerializer.SerializeToElement(value, CommercetoolsJsonContext.Default.String);
}
