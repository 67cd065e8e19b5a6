namespace Emulator.Commercetools.Auth;

/// <summary>An issued bearer token. <see cref="Scopes"/> includes identity scopes (<c>customer_id:</c>, <c>anonymous_id:</c>).</summary>
internal sealed record AccessToken(
    string Token,
    string ClientId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt,
    string? CustomerId,
    string? AnonymousId,
    string? RefreshToken)
{
    public string ScopeString => string.Join(' ', Scopes);
}
