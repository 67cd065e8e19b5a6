using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Emulator.Commercetools.Auth;

/// <summary>Issues and validates opaque tokens against the injected clock (48 h access tokens, as commercetools does).</summary>
internal sealed class TokenService(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(172800);

    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessToken> _refreshGrants = new(StringComparer.Ordinal);

    public AccessToken Issue(string clientId, IReadOnlyList<string> scopes, string? customerId, string? anonymousId, bool withRefreshToken)
    {
        var refresh = withRefreshToken ? NewToken() : null;
        var token = new AccessToken(NewToken(), clientId, scopes, time.GetUtcNow() + Lifetime, customerId, anonymousId, refresh);
        _tokens[token.Token] = token;
        if (refresh is not null)
        {
            _refreshGrants[refresh] = token;
        }

        return token;
    }

    public AccessToken? Validate(string token)
    {
        if (!_tokens.TryGetValue(token, out var access))
        {
            return null;
        }

        if (access.ExpiresAt <= time.GetUtcNow())
        {
            _tokens.TryRemove(token, out _);
            return null;
        }

        return access;
    }

    /// <summary>Exchanges a refresh token for a new access token (no new refresh token, as commercetools does).</summary>
    public AccessToken? Refresh(string refreshToken, string clientId)
    {
        if (!_refreshGrants.TryGetValue(refreshToken, out var grant) || grant.ClientId != clientId)
        {
            return null;
        }

        var token = grant with { Token = NewToken(), ExpiresAt = time.GetUtcNow() + Lifetime, RefreshToken = null };
        _tokens[token.Token] = token;
        return token;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
