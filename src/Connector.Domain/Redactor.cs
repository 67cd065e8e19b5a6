using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Connector.Domain;

/// <summary>
/// Masks secrets and personal data before JSON goes into interface interactions or logs: card numbers (last four
/// kept), card security codes, tokens, client secrets, passwords, birth dates and phone numbers.
/// </summary>
public static partial class Redactor
{
    /// <summary>What a masked value is replaced with.</summary>
    public const string Mask = "****";

    private static readonly FrozenSet<string> SensitiveKeys = new[]
    {
        "number", "security_code", "cvv", "cvc", "token", "id_token", "access_token", "refresh_token", "client_token",
        "birth_date", "phone", "phone_number", "national_number", "password", "client_secret", "authorization",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SensitiveKeysBySpan =
        SensitiveKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The keys (compared case-insensitively) whose values are masked.</summary>
    public static IReadOnlyCollection<string> Keys => SensitiveKeys;

    /// <summary>
    /// A deep copy of <paramref name="node"/> in which the value of every sensitive key is masked, at any depth.
    /// Strings and numbers become <see cref="Mask"/>, except card <c>number</c>s of 12 or more digits, which keep
    /// their last four (<c>************1111</c>). Objects and arrays under a sensitive key keep their shape with
    /// every leaf masked. Other values are copied unchanged (ids stay readable).
    /// </summary>
    /// <param name="node">JSON to redact; not modified.</param>
    public static JsonNode? Redact(JsonNode? node) =>
        JsonText.ToElement(node) is { } element ? JsonNode.Parse(Redact(element, clean: false)) : null;

    /// <summary>
    /// The redacted JSON text of <paramref name="element"/> (the rules of <see cref="Redact(JsonNode?)"/>), written in one
    /// pass; with <paramref name="clean"/> the <see cref="JsonCleaner"/> rule is applied in the same pass.
    /// </summary>
    public static string Redact(JsonElement element, bool clean) =>
        JsonText.Write((element, clean), static (writer, state) =>
        {
            if (state.clean && JsonCleaner.IsDropped(state.element))
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
                return;
            }

            Write(writer, state.element, maskLeaves: false, cardNumber: false, state.clean);
        });

    /// <summary>
    /// Best-effort masking of free text (error messages, raw bodies that are not JSON): runs of 12–19 digits,
    /// optionally separated by single spaces or dashes, keep only their last four digits.
    /// </summary>
    /// <param name="text">Text to redact.</param>
    public static string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CardNumberLike().Replace(text, match => MaskAllButLastFour(match.Value));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool maskLeaves, bool cardNumber, bool clean)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (clean && JsonCleaner.IsDropped(property.Value))
                    {
                        continue;
                    }

                    JsonCleaner.WriteName(writer, property);
                    var sensitive = IsSensitive(property, out var isNumber);
                    Write(writer, property.Value, maskLeaves || sensitive, isNumber, clean);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    if (!clean || !JsonCleaner.IsDropped(item))
                    {
                        Write(writer, item, maskLeaves, cardNumber, clean);
                    }
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            default:
                if (maskLeaves)
                {
                    writer.WriteStringValue(MaskLeaf(element, cardNumber));
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
        }
    }

    // Whether the property's name is a sensitive key, and whether it is "number" (a card number keeps its last four),
    // read from the raw UTF-8 name without making a string (names with escape sequences, never seen in practice, are decoded).
    private static bool IsSensitive(JsonProperty property, out bool isNumber)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        Span<char> chars = stackalloc char[32];
        scoped ReadOnlySpan<char> name;
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            name = property.Name;
        }
        else if (raw.Length > chars.Length)
        {
            isNumber = false;
            return false; // longer than any sensitive key
        }
        else
        {
            name = chars[..Encoding.UTF8.GetChars(raw, chars)];
        }

        isNumber = name.Equals("number", StringComparison.OrdinalIgnoreCase);
        return SensitiveKeysBySpan.Contains(name);
    }

    private static string MaskLeaf(JsonElement leaf, bool cardNumber)
    {
        if (leaf.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Mask;
        }

        var text = leaf.ValueKind == JsonValueKind.String ? leaf.GetString()! : leaf.GetRawText();
        if (cardNumber && text.Count(char.IsAsciiDigit) >= 12)
        {
            return MaskAllButLastFour(text);
        }

        return Mask;
    }

    private static string MaskAllButLastFour(string value)
    {
        var digits = value.Where(char.IsAsciiDigit).ToArray();
        var lastFour = new string(digits[^4..]);
        return new string('*', digits.Length - 4) + lastFour;
    }

    // Digit runs glued to letters or to a dash after an alphanumeric (UUID groups, PayPal ids) are not card numbers.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<![0-9A-Za-z]-)(?:\d[ -]?){11,18}\d(?![0-9A-Za-z])(?!-[0-9A-Za-z])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CardNumberLike();
}
