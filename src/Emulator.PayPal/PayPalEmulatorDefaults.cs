namespace Emulator.PayPal;

/// <summary>Credentials the emulator accepts when <c>Emulator:Clients</c> is not configured.</summary>
public static class PayPalEmulatorDefaults
{
    public const string ClientId = "sandbox-paypal-client";
    public const string ClientSecret = "sandbox-paypal-secret";

    /// <summary>The e-mail the approval page pre-fills for the buyer.</summary>
    public const string BuyerEmail = "sb-buyer@example.com";

    /// <summary>The card the buyer page submits for a card setup token when no card is typed in (Visa, Luhn-valid).</summary>
    public const string TestCardNumber = "4111111111111111";
}
