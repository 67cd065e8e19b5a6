namespace Emulator.PayPal.Auth;

internal sealed record AccessToken(string Token, string ClientId, DateTimeOffset ExpiresAt);
