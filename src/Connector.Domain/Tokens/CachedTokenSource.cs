namespace Connector.Domain.Tokens;

/// <summary>An access token and the moment after which it must not be used any more.</summary>
public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);

/// <summary>
/// Holds one access token, fetched on first use and again shortly before it expires (against the injected
/// <see cref="TimeProvider"/>). Concurrent callers share one fetch. Used for the commercetools and PayPal tokens,
/// which the TypeScript connector stored in a custom object and logged; here they live in memory only.
/// </summary>
public sealed class CachedTokenSource(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, TimeProvider timeProvider)
{
    // Refresh this long before the issuer's expiry (or halfway for short-lived tokens) so no call races the expiry.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AccessToken? _current;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && current.ExpiresAt > timeProvider.GetUtcNow())
        {
            return current.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _current;
            if (current is not null && current.ExpiresAt > timeProvider.GetUtcNow())
            {
                return current.Value;
            }

            var (token, lifetime) = await fetch(cancellationToken).ConfigureAwait(false);
            var margin = lifetime > RefreshMargin * 2 ? RefreshMargin : lifetime / 2;
            _current = new AccessToken(token, timeProvider.GetUtcNow() + lifetime - margin);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the token if it is still the current one (after the issuer rejected it).</summary>
    public void Invalidate(string token)
    {
        if (_current?.Value == token)
        {
            _current = null;
        }
    }
}
