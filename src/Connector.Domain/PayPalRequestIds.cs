using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Connector.Domain;

/// <summary>
/// Deterministic <c>PayPal-Request-Id</c> values. A retried extension call or a redelivered webhook produces
/// the same id, so PayPal returns the stored result instead of charging, capturing or refunding twice.
/// </summary>
/// <remarks>
/// Ids are at most <see cref="MaxLength"/> characters of <c>[A-Za-z0-9-]</c>: a readable prefix of the inputs
/// followed by a SHA-256 hash over all inputs (length-prefixed, so no two different input tuples hash the same
/// text). The prefix is only for people reading logs; uniqueness comes from the hash.
/// </remarks>
public static class PayPalRequestIds
{
    /// <summary>Upper bound on the length of an id.</summary>
    public const int MaxLength = 100;

    private const int HashHexLength = 32;

    /// <summary>
    /// The request id for <paramref name="operation"/> on a payment (or customer) at a given version with a given
    /// request value. Equal inputs give equal ids; any difference gives a different id.
    /// </summary>
    /// <param name="paymentOrCustomerId">commercetools payment or customer id.</param>
    /// <param name="operation">Operation name, e.g. <c>capturePayPalOrder</c>.</param>
    /// <param name="version">commercetools resource version the request was made at.</param>
    /// <param name="requestValue">The raw <c>&lt;name&gt;Request</c> field value.</param>
    public static string For(string paymentOrCustomerId, string operation, long version, string requestValue)
    {
        ArgumentNullException.ThrowIfNull(paymentOrCustomerId);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(requestValue);
        var versionText = version.ToString(CultureInfo.InvariantCulture);
        return Build(
            [Sanitize(paymentOrCustomerId, 36), Sanitize(operation, 30), versionText],
            ["v1", paymentOrCustomerId, operation, versionText, requestValue]);
    }

    /// <summary>
    /// A request id for other idempotent calls keyed by two stable values, e.g. (webhook event id, action) or
    /// (commercetools message id, capture id).
    /// </summary>
    /// <param name="a">First stable key.</param>
    /// <param name="b">Second stable key.</param>
    public static string ForWebhookOrEvent(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Build([Sanitize(a, 36), Sanitize(b, 30)], ["v1-event", a, b]);
    }

    private static string Build(string[] readable, string[] hashed)
    {
        var prefix = string.Join('-', readable.Where(part => part.Length > 0));
        var maxPrefix = MaxLength - HashHexLength - 1;
        if (prefix.Length > maxPrefix)
        {
            prefix = prefix[..maxPrefix].TrimEnd('-');
        }

        var hash = Hash(hashed);
        return prefix.Length == 0 ? hash : $"{prefix}-{hash}";
    }

    private static string Hash(string[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(digest)[..HashHexLength];
    }

    private static string Sanitize(string value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (builder.Length == maxLength)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        return builder.ToString().Trim('-');
    }
}
