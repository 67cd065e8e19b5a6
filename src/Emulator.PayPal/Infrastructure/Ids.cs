using System.Security.Cryptography;

namespace Emulator.PayPal.Infrastructure;

internal static class Ids
{
    private const string Upper = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Mixed = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Orders, captures, authorizations, refunds, setup tokens: 17 upper-case characters like PayPal's.</summary>
    public static string Resource() => RandomNumberGenerator.GetString(Upper, 17);

    public static string PayerId() => RandomNumberGenerator.GetString(Upper, 13);

    public static string PaymentToken() => RandomNumberGenerator.GetString(Lower, 8);

    public static string Customer() => RandomNumberGenerator.GetString(Mixed, 10);

    public static string DebugId() => RandomNumberGenerator.GetHexString(13, lowercase: true);

    public static string AccessToken() => "A21AA" + RandomNumberGenerator.GetString(Mixed + "-_", 92);

    public static string WebhookEvent() => "WH-" + Resource() + "-" + Resource();
}
