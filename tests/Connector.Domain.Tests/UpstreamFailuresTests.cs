namespace Connector.Domain.Tests;

public sealed class UpstreamFailuresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transport_failure_becomes_the_unreachable_exception_naming_the_call()
    {
        var failure = new HttpRequestException("connection refused");
        using var http = Client(_ => throw failure);

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => SendAsync(http, timedOut: true, Ct));

        thrown.Message.ShouldBe("unreachable: GET /x");
        thrown.InnerException.ShouldBeSameAs(failure);
    }

    [Fact]
    public async Task The_client_s_own_timeout_becomes_the_timed_out_exception()
    {
        var timeout = new TaskCanceledException("client timeout");
        using var http = Client(_ => throw timeout);

        var thrown = await Should.ThrowAsync<TimeoutException>(() => SendAsync(http, timedOut: true, Ct));

        thrown.Message.ShouldBe("timed out: GET /x");
        thrown.InnerException.ShouldBeSameAs(timeout);
    }

    [Fact]
    public async Task A_timeout_stays_a_cancellation_when_the_api_makes_no_exception_for_it()
    {
        using var http = Client(_ => throw new TaskCanceledException("client timeout"));

        await Should.ThrowAsync<TaskCanceledException>(() => SendAsync(http, timedOut: false, Ct));
    }

    [Fact]
    public async Task The_caller_s_own_cancellation_propagates_unchanged()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var http = Client(ct => throw new TaskCanceledException("cancelled", null, ct));

        await Should.ThrowAsync<TaskCanceledException>(() => SendAsync(http, timedOut: true, cancelled.Token));
    }

    [Fact]
    public async Task An_answer_is_returned_as_it_came()
    {
        using var http = Client(_ => new HttpResponseMessage(System.Net.HttpStatusCode.Accepted));

        using var response = await SendAsync(http, timedOut: true, Ct);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, bool timedOut, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://upstream.test/x");
        return await http.SendTranslatingFailuresAsync(request, (Method: "GET", Path: "/x", TimedOut: timedOut),
            static (call, e) => new InvalidOperationException($"unreachable: {call.Method} {call.Path}", e),
            static (call, e) => call.TimedOut ? new TimeoutException($"timed out: {call.Method} {call.Path}", e) : null,
            cancellationToken);
    }

    private static HttpClient Client(Func<CancellationToken, HttpResponseMessage> answer) => new(new StubHandler(answer));

    private sealed class StubHandler(Func<CancellationToken, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(cancellationToken));
    }
}
