namespace Connector.Domain;

/// <summary>Sending to commercetools or PayPal: which failures mean the API is unreachable or too slow, decided once.</summary>
public static class UpstreamFailures
{
    /// <summary>
    /// Sends <paramref name="request"/> and buffers the answer. A transport failure (refused, reset, DNS, TLS) becomes the
    /// exception <paramref name="unreachable"/> makes; the client's own timeout, a cancellation the caller did not ask for,
    /// becomes the one <paramref name="timedOut"/> makes, or stays the cancellation when it makes none. The caller's
    /// cancellation always propagates unchanged. <paramref name="state"/> names the call for the messages (static lambdas,
    /// nothing allocated on the way to a successful answer).
    /// </summary>
    public static async Task<HttpResponseMessage> SendTranslatingFailuresAsync<TState>(this HttpClient http, HttpRequestMessage request, TState state,
        Func<TState, HttpRequestException, Exception> unreachable, Func<TState, TaskCanceledException, Exception?> timedOut,
        CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw unreachable(state, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested && timedOut(state, e) is { } timeout)
        {
            throw timeout;
        }
    }
}
