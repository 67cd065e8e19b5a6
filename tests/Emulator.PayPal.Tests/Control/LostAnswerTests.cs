using System.Net;
using System.Text.Json.Nodes;
using Emulator.PayPal.Infrastructure;
using Emulator.PayPal.Orders;
using Emulator.PayPal.Tests.Drivers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.PayPal.Tests.Control;

/// <summary>
/// PayPal completes a request it has received, whatever happens to the connection; the control API can make the next
/// calls of a path execute and then lose their answer. A retry with the same PayPal-Request-Id gets the stored answer.
/// </summary>
public sealed class LostAnswerTests
{
    private const string CapturePath = "/v2/checkout/orders/*/capture";

    private static Task<(HttpStatusCode Status, JsonNode? Body)> ArmAsync(EmulatorHost host, JsonObject fault) =>
        host.CallAsync(HttpMethod.Post, "/emulator/faults", fault);

    private static async Task<string> ApprovedCardOrderAsync(EmulatorHost host, string intent = "CAPTURE") =>
        (await host.CreateOrderAsync(Payloads.CardOrder(intent)))["id"]!.GetValue<string>();

    private static Order StoredOrder(EmulatorHost host, string id)
    {
        var store = host.Service<EmulatorStore>();
        lock (store.Gate)
        {
            return store.Orders[id];
        }
    }

    private static int CaptureCount(EmulatorHost host)
    {
        var store = host.Service<EmulatorStore>();
        lock (store.Gate)
        {
            return store.Captures.Count;
        }
    }

    private static string OrderCaptureId(JsonNode order) =>
        order["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();

    private static string StoredCaptureId(EmulatorHost host)
    {
        var store = host.Service<EmulatorStore>();
        lock (store.Gate)
        {
            return store.Captures.Keys.Single();
        }
    }

    /// <summary>Moves the fake clock until <paramref name="task"/> ends (the call runs off the test's context).</summary>
    private static async Task AdvanceUntilDone(EmulatorHost host, Task task, TimeSpan step)
    {
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            host.Time.Advance(step);
            await Task.WhenAny(task, Task.Delay(5, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Capture_completes_although_the_caller_cancelled_during_latency()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EmulatorHost.StartAsync(null, b => b.Services.AddSingleton<IStartupFilter>(new SignalOnCapture(received)));
        var orderId = await ApprovedCardOrderAsync(host);
        await host.AccessTokenAsync();
        (await host.CallAsync(HttpMethod.Post, "/emulator/settings", new JsonObject { ["latency_ms"] = 1000 })).Status.ShouldBe(HttpStatusCode.OK);

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture");
        request.Headers.Authorization = new("Bearer", await host.AccessTokenAsync());
        request.Headers.Add("PayPal-Request-Id", "cap-cancelled");
        var call = Task.Run(() => host.Client.SendAsync(request, cancel.Token), TestContext.Current.CancellationToken);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        StoredOrder(host, orderId).Status.ShouldBe("APPROVED");

        await cancel.CancelAsync();
        for (var i = 0; i < 1_000 && StoredOrder(host, orderId).Status != "COMPLETED"; i++)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(1000));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        StoredOrder(host, orderId).Status.ShouldBe("COMPLETED");
        CaptureCount(host).ShouldBe(1);
        await Should.ThrowAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Close_mode_executes_the_capture_and_aborts_the_connection_and_the_retry_gets_the_stored_answer()
    {
        await using var host = await EmulatorHost.StartAsync();
        var orderId = await ApprovedCardOrderAsync(host);
        var (armed, faults) = await ArmAsync(host, new JsonObject { ["mode"] = "close", ["method"] = "POST", ["path"] = CapturePath });
        armed.ShouldBe(HttpStatusCode.Created);
        faults!["faults"]![0]!["mode"]!.GetValue<string>().ShouldBe("close");

        await Should.ThrowAsync<Exception>(() => host.SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1")));

        StoredOrder(host, orderId).Status.ShouldBe("COMPLETED");
        var (status, replay) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1"));
        status.ShouldBe(HttpStatusCode.OK, replay?.ToJsonString());
        OrderCaptureId(replay!).ShouldBe(StoredCaptureId(host));
        CaptureCount(host).ShouldBe(1);
    }

    [Theory]
    [InlineData(500, "INTERNAL_SERVER_ERROR")]
    [InlineData(503, "SERVICE_UNAVAILABLE")]
    public async Task Server_error_mode_executes_and_answers_5xx_once(int code, string name)
    {
        await using var host = await EmulatorHost.StartAsync();
        var orderId = await ApprovedCardOrderAsync(host);
        var otherOrderId = await ApprovedCardOrderAsync(host);
        await ArmAsync(host, new JsonObject { ["mode"] = "5xx", ["status"] = code, ["method"] = "POST", ["path"] = CapturePath });

        var (status, error) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1"));

        ((int)status).ShouldBe(code);
        error!["name"]!.GetValue<string>().ShouldBe(name);
        StoredOrder(host, orderId).Status.ShouldBe("COMPLETED");
        var (replayed, replay) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1"));
        replayed.ShouldBe(HttpStatusCode.OK);
        OrderCaptureId(replay!).ShouldBe(StoredCaptureId(host));
        (await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{otherOrderId}/capture", null, EmulatorHost.Representation("cap-2"))).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Timeout_mode_executes_at_once_holds_the_answer_then_aborts()
    {
        await using var host = await EmulatorHost.StartAsync();
        var orderId = await ApprovedCardOrderAsync(host);
        await host.AccessTokenAsync();
        await ArmAsync(host, new JsonObject { ["mode"] = "timeout", ["delay_ms"] = 30_000, ["method"] = "POST", ["path"] = CapturePath });

        var call = Task.Run(() => host.SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1")), TestContext.Current.CancellationToken);
        for (var i = 0; i < 1_000 && StoredOrder(host, orderId).Status != "COMPLETED"; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        StoredOrder(host, orderId).Status.ShouldBe("COMPLETED");
        call.IsCompleted.ShouldBeFalse();
        await AdvanceUntilDone(host, call, TimeSpan.FromSeconds(1));
        await Should.ThrowAsync<Exception>(() => call);
        var (status, replay) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1"));
        status.ShouldBe(HttpStatusCode.OK);
        OrderCaptureId(replay!).ShouldBe(StoredCaptureId(host));
    }

    [Fact]
    public async Task Timeout_mode_can_answer_late_instead_of_aborting()
    {
        await using var host = await EmulatorHost.StartAsync();
        var orderId = await ApprovedCardOrderAsync(host);
        await host.AccessTokenAsync();
        await ArmAsync(host, new JsonObject { ["mode"] = "timeout", ["delay_ms"] = 30_000, ["then"] = "answer", ["path"] = CapturePath });

        var call = Task.Run(() => host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1")), TestContext.Current.CancellationToken);
        await AdvanceUntilDone(host, call, TimeSpan.FromSeconds(1));

        var (status, order) = await call;
        status.ShouldBe(HttpStatusCode.Created);
        OrderCaptureId(order!).ShouldBe(StoredCaptureId(host));
    }

    [Fact]
    public async Task Faults_with_a_lost_answer_can_be_armed_from_configuration()
    {
        await using var host = await EmulatorHost.StartAsync(new()
        {
            ["Emulator:Faults:0:Mode"] = "5xx",
            ["Emulator:Faults:0:Method"] = "POST",
            ["Emulator:Faults:0:Path"] = CapturePath,
        });
        var orderId = await ApprovedCardOrderAsync(host);

        var (status, _) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("cap-1"));

        status.ShouldBe(HttpStatusCode.InternalServerError);
        StoredOrder(host, orderId).Status.ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task Invalid_fault_definitions_are_refused()
    {
        await using var host = await EmulatorHost.StartAsync();

        (await ArmAsync(host, new JsonObject { ["mode"] = "explode" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await ArmAsync(host, new JsonObject { ["mode"] = "timeout" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await ArmAsync(host, new JsonObject { ["mode"] = "5xx", ["status"] = 502 })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await ArmAsync(host, new JsonObject { ["mode"] = "timeout", ["delay_ms"] = 10, ["then"] = "later" })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>Each operation that moves money executes under a lost answer, and its retry replays the stored answer.</summary>
    [Theory]
    [InlineData("authorize")]
    [InlineData("capture-authorization")]
    [InlineData("void")]
    [InlineData("refund")]
    public async Task Every_money_operation_executes_under_a_lost_answer_and_replays_on_retry(string operation)
    {
        await using var host = await EmulatorHost.StartAsync();
        var orderId = await ApprovedCardOrderAsync(host, operation == "refund" ? "CAPTURE" : "AUTHORIZE");
        string path;
        JsonObject? body = null;
        Func<string> stateOf;
        string expectedState;
        if (operation == "authorize")
        {
            path = $"/v2/checkout/orders/{orderId}/authorize";
            stateOf = () => StoredOrder(host, orderId).Status;
            expectedState = "COMPLETED";
        }
        else if (operation == "refund")
        {
            var (_, captured) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/capture", null, EmulatorHost.Representation("setup"));
            var captureId = OrderCaptureId(captured!);
            path = $"/v2/payments/captures/{captureId}/refund";
            body = new JsonObject { ["amount"] = Payloads.Money("10.00") };
            stateOf = () => Payments(host).Captures[captureId].Status;
            expectedState = "PARTIALLY_REFUNDED";
        }
        else
        {
            var (_, authorized) = await host.CallAsync(HttpMethod.Post, $"/v2/checkout/orders/{orderId}/authorize", null, EmulatorHost.Representation("setup"));
            var authorizationId = authorized!["purchase_units"]![0]!["payments"]!["authorizations"]![0]!["id"]!.GetValue<string>();
            path = $"/v2/payments/authorizations/{authorizationId}/" + (operation == "void" ? "void" : "capture");
            body = operation == "void" ? null : new JsonObject { ["amount"] = Payloads.Money("40.00"), ["final_capture"] = false };
            stateOf = () => Payments(host).Authorizations[authorizationId].Status;
            expectedState = operation == "void" ? "VOIDED" : "PARTIALLY_CAPTURED";
        }

        var before = stateOf();
        await ArmAsync(host, new JsonObject { ["mode"] = "close", ["method"] = "POST", ["path"] = PatternOf(path) });

        await Should.ThrowAsync<Exception>(() => host.SendAsync(HttpMethod.Post, path, body, EmulatorHost.Representation("lost-1")));

        stateOf().ShouldNotBe(before);
        stateOf().ShouldBe(expectedState);
        var snapshot = Snapshot(host);
        var (status, replay) = await host.CallAsync(HttpMethod.Post, path, body?.DeepClone(), EmulatorHost.Representation("lost-1"));
        status.ShouldBe(HttpStatusCode.OK, replay?.ToJsonString());
        replay.ShouldNotBeNull();
        Snapshot(host).ShouldBe(snapshot);
    }

    private static string PatternOf(string path)
    {
        var segments = path.Split('/');
        segments[^2] = "*";
        return string.Join('/', segments);
    }

    private static EmulatorStore Payments(EmulatorHost host) => host.Service<EmulatorStore>();

    private static (int Captures, int Authorizations, int Refunds) Snapshot(EmulatorHost host)
    {
        var store = host.Service<EmulatorStore>();
        lock (store.Gate)
        {
            return (store.Captures.Count, store.Authorizations.Count, store.Refunds.Count);
        }
    }

    /// <summary>Signals once a capture request has been read in full by the server, so the test can cancel it then.</summary>
    private sealed class SignalOnCapture(TaskCompletionSource received) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.Value?.EndsWith("/capture", StringComparison.Ordinal) == true)
                {
                    context.Request.EnableBuffering();
                    await context.Request.Body.DrainAsync(context.RequestAborted);
                    context.Request.Body.Position = 0;
                    received.TrySetResult();
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
