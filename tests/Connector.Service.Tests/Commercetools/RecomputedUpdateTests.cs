using System.Net;
using System.Text;
using Connector.Commercetools;
using Connector.Commercetools.Models;

namespace Connector.Service.Tests.Commercetools;

/// <summary>
/// The one update loop webhooks and the reconciler share: actions computed on the payment as read, written at that
/// version, recomputed from a fresh read after a 409 (never resent as they were), bounded, without sleeping.
/// </summary>
public sealed class RecomputedUpdateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_conflict_re_reads_and_writes_the_actions_recomputed_at_the_new_version()
    {
        var api = new ScriptedApi(Conflict(), PaymentJson(version: 8), PaymentJson(version: 9));
        var seen = new List<long>();

        var update = await Client(api).UpdatePaymentRecomputingAsync(Payment(version: 7), p =>
        {
            seen.Add(p.Version);
            return [new SetStatusInterfaceCode($"at-{p.Version}")];
        }, maxAttempts: 3, onConflict: null, Ct);

        update.Result.ShouldBe(RecomputedUpdateResult.Updated);
        update.Payment.Version.ShouldBe(9);
        seen.ShouldBe([7L, 8L]);
        api.Requests.Select(r => r.Line).ShouldBe(["POST /payments/p1", "GET /payments/p1", "POST /payments/p1"]);
        api.Requests[0].Body.ShouldContain("\"version\":7");
        api.Requests[0].Body.ShouldContain("at-7");
        api.Requests[2].Body.ShouldContain("\"version\":8");
        api.Requests[2].Body.ShouldContain("at-8");
    }

    [Fact]
    public async Task Nothing_is_written_when_the_fresh_payment_is_already_in_line()
    {
        var api = new ScriptedApi(Conflict(), PaymentJson(version: 8));
        var conflicts = new List<int>();

        var update = await Client(api).UpdatePaymentRecomputingAsync(Payment(version: 7),
            p => p.Version == 7 ? [new SetStatusInterfaceCode("x")] : [], maxAttempts: 3, conflicts.Add, Ct);

        update.Result.ShouldBe(RecomputedUpdateResult.InLine);
        update.Payment.Version.ShouldBe(8);
        conflicts.ShouldBe([1]);
        api.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Conflicts_stop_after_the_given_attempts()
    {
        var api = new ScriptedApi(Conflict(), PaymentJson(version: 8), Conflict(), PaymentJson(version: 9));
        var conflicts = new List<int>();

        var update = await Client(api).UpdatePaymentRecomputingAsync(Payment(version: 7),
            _ => [new SetStatusInterfaceCode("x")], maxAttempts: 2, conflicts.Add, Ct);

        update.Result.ShouldBe(RecomputedUpdateResult.ConflictsExhausted);
        conflicts.ShouldBe([1, 2]);
        api.Requests.Count(r => r.Line.StartsWith("POST", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task A_payment_deleted_meanwhile_ends_the_loop()
    {
        var api = new ScriptedApi(Conflict(), (HttpStatusCode.NotFound, """{"statusCode":404,"message":"gone","errors":[{"code":"ResourceNotFound","message":"gone"}]}"""));

        var update = await Client(api).UpdatePaymentRecomputingAsync(Payment(version: 7),
            _ => [new SetStatusInterfaceCode("x")], maxAttempts: 5, onConflict: null, Ct);

        update.Result.ShouldBe(RecomputedUpdateResult.Gone);
        api.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Other_failures_propagate_without_a_retry()
    {
        var api = new ScriptedApi((HttpStatusCode.BadRequest, """{"statusCode":400,"message":"bad","errors":[{"code":"InvalidOperation","message":"bad"}]}"""));

        var thrown = await Should.ThrowAsync<CommercetoolsApiException>(() => Client(api).UpdatePaymentRecomputingAsync(Payment(version: 7),
            _ => [new SetStatusInterfaceCode("x")], maxAttempts: 5, onConflict: null, Ct));

        thrown.ShouldNotBeOfType<ConcurrentModificationException>();
        api.Requests.Count.ShouldBe(1);
    }

    private static (HttpStatusCode, string) Conflict() =>
        (HttpStatusCode.Conflict, """{"statusCode":409,"message":"version mismatch","errors":[{"code":"ConcurrentModification","message":"version mismatch","currentVersion":8}]}""");

    private static (HttpStatusCode, string) PaymentJson(long version) =>
        (HttpStatusCode.OK, $$"""{"id":"p1","version":{{version}},"amountPlanned":{"type":"centPrecision","currencyCode":"EUR","centAmount":1000,"fractionDigits":2},"transactions":[]}""");

    private static Payment Payment(long version) =>
        System.Text.Json.JsonSerializer.Deserialize(PaymentJson(version).Item2, CommercetoolsJsonContext.Default.Payment)!;

    private static CommercetoolsClient Client(ScriptedApi api) =>
        new(new HttpClient(api) { BaseAddress = new Uri("http://commercetools.test/project/") });

    private sealed class ScriptedApi(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<(string Line, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(($"{request.Method} {request.RequestUri!.AbsolutePath.Replace("/project", "", StringComparison.Ordinal)}", body));
            _next.ShouldBeLessThan(answers.Length, "more requests than the script answers");
            var (status, json) = answers[_next++];
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
