namespace Emulator.PayPal;

/// <summary>Credentials the emulator accepts when <c>Emulator:Clients</c> is not configured.</summary>
public static class PayPalEmulatorDefaults
{
    public const string ClientId = "sandbox-paypal-client";
    public const string ClientSecret = "sandbox-paypal-secret";

    /// <summary>The e-mail the approval page pre-fills for the buyer.</summary>
    public const string BuyerEmail = "sb-buyer@example.com";
}
