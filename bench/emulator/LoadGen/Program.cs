// Load generator for bench/emulator-run: the same payment workload against Emulator.Commercetools ("ours") and
// @labdigital/commercetools-mock ("mock"), each started here as a loopback child process and stopped afterwards.
// One client iteration = create a payment (with a custom type) + 3 updates (changeAmountPlanned, setCustomField,
// addTransaction), each with the version the previous answer returned. Cells: 8 and 32 concurrent clients, on a fresh
// server (0 stored payments) and after pre-loading 20,000 payments. Ops = HTTP requests answered 2xx (with the id and
// version the next request needs).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

// Socket completions run the client loops straight on the socket event threads instead of hopping to the thread pool
// (less CPU per request in this process). The runtime reads the switch at the first socket use, so it is set before
// that, unless given explicitly; the servers started below do not inherit it.
const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
{
    Environment.SetEnvironmentVariable(InlineCompletions, "1");
}

var options = Options.Parse(args);
var cells = new List<CellResult>();
foreach (var target in options.Targets)
{
    // Fresh cells each get a newly started server, so both start from 0 stored payments.
    foreach (var clients in options.Clients)
    {
        await using var server = await Server.StartAsync(target, options);
        var bench = await Bench.CreateAsync(server, options);
        cells.Add(await bench.RunCellAsync(clients, "fresh"));
    }

    await using (var server = await Server.StartAsync(target, options))
    {
        var bench = await Bench.CreateAsync(server, options);
        var watch = Stopwatch.StartNew();
        await bench.PreloadAsync(options.Preload);
        Console.WriteLine($"[{target}] pre-loaded {options.Preload} payments in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var clients in options.Clients)
        {
            cells.Add(await bench.RunCellAsync(clients, "preloaded"));
        }
    }
}

var report = Report.Build(cells, options);
Console.WriteLine();
Console.WriteLine(report);
await File.WriteAllTextAsync(options.Output, report);
Console.WriteLine($"written to {options.Output}");

internal sealed record Options(
    IReadOnlyList<string> Targets, IReadOnlyList<int> Clients, int Preload, TimeSpan Warmup, TimeSpan Duration,
    string OursDll, string MockScript, string Output, string ProjectKey, string Environment)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => map.TryGetValue(name, out var v) ? v : fallback;
        return new Options(
            Get("targets", "ours,mock").Split(','),
            Get("clients", "8,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(),
            int.Parse(Get("preload", "20000"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("seconds", "10"), CultureInfo.InvariantCulture)),
            map.TryGetValue("ours-dll", out var dll) ? dll : throw new ArgumentException("--ours-dll is required"),
            map.TryGetValue("mock-script", out var script) ? script : throw new ArgumentException("--mock-script is required"),
            map.TryGetValue("out", out var output) ? output : throw new ArgumentException("--out is required"),
            Get("project", "paypal-sandbox"),
            Get("environment", ""));
    }
}

internal sealed record CellResult(string Target, int Clients, string Phase, long StoredAtStart, double OpsPerSecond, double IterationsPerSecond,
    long Errors, double P50Ms, double P99Ms, string? FirstError, double ServerCpuUsPerOp, double LoadGenCpuUsPerOp);

/// <summary>A server child process on a free loopback port; disposing kills exactly that process (and its children).</summary>
internal sealed class Server : IAsyncDisposable
{
    private readonly Process _process;

    private Server(string target, Process process, Uri baseUri)
    {
        Target = target;
        _process = process;
        BaseUri = baseUri;
    }

    public string Target { get; }

    public Uri BaseUri { get; }

    /// <summary>CPU time (user + system) the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<Server> StartAsync(string target, Options options)
    {
        var port = FreePort();
        var info = target switch
        {
            "ours" => new ProcessStartInfo("dotnet") { ArgumentList = { options.OursDll, "--urls", $"http://127.0.0.1:{port}" } },
            "mock" => new ProcessStartInfo("node") { ArgumentList = { options.MockScript, port.ToString(CultureInfo.InvariantCulture) } },
            _ => throw new ArgumentException($"unknown target {target}"),
        };
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"); // the load generator's own setting
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {target}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine($"[{target}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(target, process, new Uri($"http://127.0.0.1:{port}/"));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{target} exited with {process.ExitCode} before answering");
            }

            try
            {
                using var response = await probe.GetAsync(server.BaseUri);
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException($"{target} did not answer on {server.BaseUri} within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed class Bench
{
    private const string TypeDraft = """
        {"key":"bench-payment-type","name":{"en":"Bench payment"},"resourceTypeIds":["payment"],
         "fieldDefinitions":[{"name":"note","label":{"en":"Note"},"required":false,"type":{"name":"String"},"inputHint":"SingleLine"}]}
        """;

    private static readonly byte[] PaymentDraft = """
        {"amountPlanned":{"currencyCode":"EUR","centAmount":1000},
         "paymentMethodInfo":{"paymentInterface":"bench","method":"card"},
         "custom":{"type":{"key":"bench-payment-type","typeId":"type"},"fields":{"note":"created"}}}
        """u8.ToArray();

    /// <summary>The measured updates, in order, each as the body after its version: <c>,"actions":[…]}</c>.</summary>
    private static readonly byte[][] Updates =
    [
        ""","actions":[{"action":"changeAmountPlanned","amount":{"currencyCode":"EUR","centAmount":1100}}]}"""u8.ToArray(),
        ""","actions":[{"action":"setCustomField","name":"note","value":"updated"}]}"""u8.ToArray(),
        ""","actions":[{"action":"addTransaction","transaction":{"type":"Charge","amount":{"currencyCode":"EUR","centAmount":1100},"state":"Success"}}]}"""u8.ToArray(),
    ];

    private static readonly byte[] WarmUpdate = ""","actions":[{"action":"setCustomField","name":"note","value":"warm"}]}"""u8.ToArray();

    private readonly Server _server;
    private readonly HttpClient _http;
    private readonly Options _options;
    private readonly string _project;
    private readonly string _token;
    private readonly byte[] _paymentsPath;
    private long _stored;

    private Bench(Server server, HttpClient http, Options options, string token)
    {
        _server = server;
        _http = http;
        _options = options;
        _project = options.ProjectKey;
        _token = token;
        _paymentsPath = Encoding.UTF8.GetBytes($"/{_project}/payments");
    }

    public static async Task<Bench> CreateAsync(Server server, Options options)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
        };
        var http = new HttpClient(handler) { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        // Ours needs a real OAuth token (default sandbox client); the mock accepts any bearer token.
        var token = "bench-token";
        if (server.Target == "ours")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-admin:sandbox-admin-secret")));
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.EnsureSuccessStatusCode();
            token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var content = new StringContent(TypeDraft, Encoding.UTF8, "application/json"))
        using (var response = await http.PostAsync($"{options.ProjectKey}/types", content))
        {
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                throw new InvalidOperationException(
                    $"[{server.Target}] creating the type failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        return new Bench(server, http, options, token);
    }

    public async Task PreloadAsync(int count)
    {
        var next = -1;
        var workers = Enumerable.Range(0, 32).Select(async _ =>
        {
            using var connection = Connect();
            var payment = new PaymentCursor(_project);
            while (Interlocked.Increment(ref next) < count)
            {
                var status = await connection.PostAsync(_paymentsPath, PaymentDraft);
                if (status != 201 || !payment.ReadCreated(connection.Body))
                {
                    throw new InvalidOperationException($"[{_server.Target}] pre-load create failed: {status} {connection.BodyText()}");
                }

                Interlocked.Increment(ref _stored);
            }
        });
        await Task.WhenAll(workers);
    }

    public async Task<CellResult> RunCellAsync(int clients, string phase)
    {
        await WarmUpAsync(clients);
        var storedAtStart = Interlocked.Read(ref _stored);
        var measuring = 0;
        long ops = 0, iterations = 0, errors = 0;
        string? firstError = null;
        var latencies = new List<double>[clients];
        using var stop = new CancellationTokenSource();

        async Task ClientAsync(int index)
        {
            var mine = latencies[index] = new List<double>(1 << 16);
            using var connection = Connect();
            var payment = new PaymentCursor(_project);
            while (!stop.IsCancellationRequested)
            {
                var completed = 0;
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var status = await connection.PostAsync(_paymentsPath, PaymentDraft);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    if (status == 201)
                    {
                        Interlocked.Increment(ref _stored);
                    }

                    if (!Answered(status == 201 && payment.ReadCreated(connection.Body), status, elapsed))
                    {
                        continue;
                    }

                    completed++;
                    foreach (var update in Updates)
                    {
                        started = Stopwatch.GetTimestamp();
                        status = await connection.PostAsync(payment.Path, payment.UpdateBody(update));
                        elapsed = Stopwatch.GetElapsedTime(started);
                        if (!Answered(status == 200 && payment.ReadUpdated(connection.Body), status, elapsed))
                        {
                            break;
                        }

                        completed++;
                    }

                    if (completed == 4 && Volatile.Read(ref measuring) == 1)
                    {
                        Interlocked.Increment(ref iterations);
                    }
                }
                catch (IOException ex)
                {
                    Failed(ex.Message);
                }
            }

            // An answer counts as an op when it has the expected 2xx status and carries the version (and id) to go on with.
            bool Answered(bool ok, int status, TimeSpan elapsed)
            {
                if (Volatile.Read(ref measuring) == 1)
                {
                    if (ok)
                    {
                        Interlocked.Increment(ref ops);
                        mine.Add(elapsed.TotalMilliseconds);
                    }
                    else if (Volatile.Read(ref firstError) is null)
                    {
                        Failed($"{status} {connection.BodyText()}");
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }

                return ok;
            }

            void Failed(string text)
            {
                if (Volatile.Read(ref measuring) == 1)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, text.Length > 300 ? text[..300] : text, null);
                }
            }
        }

        var tasks = Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i))).ToList();
        var self = Process.GetCurrentProcess();
        var serverCpuBefore = _server.CpuTime;
        var selfCpuBefore = self.TotalProcessorTime;
        Volatile.Write(ref measuring, 1);
        var watch = Stopwatch.StartNew();
        await Task.Delay(_options.Duration);
        Volatile.Write(ref measuring, 0);
        var seconds = watch.Elapsed.TotalSeconds;
        var serverCpu = _server.CpuTime - serverCpuBefore;
        self.Refresh();
        var selfCpu = self.TotalProcessorTime - selfCpuBefore;
        await stop.CancelAsync();
        await Task.WhenAll(tasks);

        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        var result = new CellResult(_server.Target, clients, phase, storedAtStart, ops / seconds, iterations / seconds, errors,
            Percentile(0.50), Percentile(0.99), firstError,
            ops == 0 ? 0 : serverCpu.TotalMicroseconds / ops, ops == 0 ? 0 : selfCpu.TotalMicroseconds / ops);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{result.Target}] {clients,2} clients, {phase,-9} ({storedAtStart,6} stored): {result.OpsPerSecond,8:F0} ops/s  {result.IterationsPerSecond,7:F0} it/s  p50 {result.P50Ms:F2} ms  p99 {result.P99Ms:F2} ms  errors {errors}  CPU/op server {result.ServerCpuUsPerOp:F0} us, load generator {result.LoadGenCpuUsPerOp:F0} us"));
        if (firstError is not null)
        {
            Console.WriteLine($"    first error: {firstError}");
        }

        return result;
    }

    private HttpConnection Connect() => new(_server.BaseUri, _token);

    /// <summary>
    /// Runs the workload for the warm-up time (JIT tiering, connection pools), then deletes every payment it created, so
    /// the measured window starts with the stored count of the phase (0 when fresh) on a warm process.
    /// </summary>
    private async Task WarmUpAsync(int clients)
    {
        var created = new System.Collections.Concurrent.ConcurrentBag<(string Id, long Version)>();
        using var stop = new CancellationTokenSource(_options.Warmup);
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            using var connection = Connect();
            var payment = new PaymentCursor(_project);
            while (!stop.IsCancellationRequested)
            {
                var status = await connection.PostAsync(_paymentsPath, PaymentDraft);
                if (status != 201 || !payment.ReadCreated(connection.Body))
                {
                    throw new InvalidOperationException($"[{_server.Target}] warm-up create failed: {status} {connection.BodyText()}");
                }

                status = await connection.PostAsync(payment.Path, payment.UpdateBody(WarmUpdate));
                if (status == 200)
                {
                    payment.ReadUpdated(connection.Body);
                }

                created.Add((payment.Id, payment.Version));
            }
        }));
        await Task.WhenAll(workers);

        var queue = new System.Collections.Concurrent.ConcurrentQueue<(string Id, long Version)>(created);
        var deleters = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var payment))
            {
                using var response = await _http.DeleteAsync($"{_project}/payments/{payment.Id}?version={payment.Version}");
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"[{_server.Target}] warm-up delete failed: {(int)response.StatusCode}");
                }
            }
        }));
        await Task.WhenAll(deleters);
    }
}

/// <summary>
/// One client's current payment: the update path (with the id from the create answer) and the version, both read from
/// the answers' bytes with <see cref="Utf8JsonReader"/> (top-level properties only, stopping once found), and the update
/// bodies composed from them in a reusable buffer.
/// </summary>
internal sealed class PaymentCursor
{
    private readonly byte[] _path;
    private readonly int _idAt;
    private int _pathLength;
    private byte[] _body = new byte[512];

    public PaymentCursor(string project)
    {
        var prefix = Encoding.UTF8.GetBytes($"/{project}/payments/");
        _idAt = prefix.Length;
        _path = new byte[prefix.Length + 128];
        prefix.CopyTo(_path, 0);
    }

    public long Version { get; private set; }

    /// <summary><c>/{project}/payments/{id}</c>.</summary>
    public ReadOnlyMemory<byte> Path => _path.AsMemory(0, _pathLength);

    public string Id => Encoding.UTF8.GetString(_path, _idAt, _pathLength - _idAt);

    /// <summary>Takes the id and version of a create answer; false when either is missing.</summary>
    public bool ReadCreated(ReadOnlySpan<byte> json) => Read(json, withId: true);

    /// <summary>Takes the version of an update answer; false when it is missing.</summary>
    public bool ReadUpdated(ReadOnlySpan<byte> json) => Read(json, withId: false);

    /// <summary><c>{"version":&lt;current version&gt;</c> followed by <paramref name="rest"/>.</summary>
    public ReadOnlyMemory<byte> UpdateBody(byte[] rest)
    {
        var head = """{"version":"""u8;
        if (_body.Length < head.Length + 20 + rest.Length)
        {
            _body = new byte[head.Length + 20 + rest.Length];
        }

        head.CopyTo(_body);
        Version.TryFormat(_body.AsSpan(head.Length), out var written, default, CultureInfo.InvariantCulture);
        rest.CopyTo(_body, head.Length + written);
        return _body.AsMemory(0, head.Length + written + rest.Length);
    }

    private bool Read(ReadOnlySpan<byte> json, bool withId)
    {
        var reader = new Utf8JsonReader(json);
        var idFound = !withId;
        long version = -1;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (withId && reader.ValueTextEquals("id"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > _path.Length - _idAt)
                    {
                        return false;
                    }

                    _pathLength = _idAt + reader.CopyString(_path.AsSpan(_idAt));
                    idFound = true;
                }
                else if (reader.ValueTextEquals("version"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out version))
                    {
                        return false;
                    }
                }
                else
                {
                    reader.Skip();
                }

                if (idFound && version >= 0)
                {
                    Version = version;
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

internal static class Report
{
    public static string Build(IReadOnlyList<CellResult> cells, Options options)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("# Emulator.Commercetools vs @labdigital/commercetools-mock");
        md.AppendLine();
        md.AppendLine(inv, $"- run at {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}; {options.Environment}");
        md.AppendLine(inv, $"- workload: 1 iteration = create a payment (custom type) + changeAmountPlanned + setCustomField + addTransaction, each with the current version; ops = 2xx requests");
        md.AppendLine(inv, $"- each cell: {options.Warmup.TotalSeconds:F0} s warm-up with the same workload (its payments are deleted again), then {options.Duration.TotalSeconds:F0} s measured; fresh cells start a new server (0 payments at the start of the measurement); pre-loaded cells follow {options.Preload} pre-created payments (the second one also has the first one's payments)");
        md.AppendLine("- load generator: bench/emulator/LoadGen (C#), same machine as the servers; warm-up, pre-load and measured requests go through its own minimal HTTP/1.1 client on raw sockets (one keep-alive loopback connection per client, Nagle off, pre-encoded requests, answers framed by Content-Length or chunked and read in place, id and version read from the bytes with Utf8JsonReader; socket completions inline on the event threads); token, type creation and warm-up deletes use HttpClient");
        md.AppendLine();
        md.AppendLine("| target | clients | phase | stored at start | ops/s | iterations/s | p50 ms | p99 ms | errors | server CPU µs/op | load generator CPU µs/op |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in cells)
        {
            md.AppendLine(inv, $"| {c.Target} | {c.Clients} | {c.Phase} | {c.StoredAtStart} | {c.OpsPerSecond:F0} | {c.IterationsPerSecond:F0} | {c.P50Ms:F2} | {c.P99Ms:F2} | {c.Errors} | {c.ServerCpuUsPerOp:F0} | {c.LoadGenCpuUsPerOp:F0} |");
        }

        md.AppendLine();
        md.AppendLine("| ratio | value | target |");
        md.AppendLine("|---|---:|---|");
        CellResult? Find(string target, int clients, string phase) =>
            cells.FirstOrDefault(c => c.Target == target && c.Clients == clients && c.Phase == phase);
        foreach (var clients in options.Clients)
        {
            foreach (var phase in new[] { "fresh", "preloaded" })
            {
                if (Find("ours", clients, phase) is { } ours && Find("mock", clients, phase) is { OpsPerSecond: > 0 } mock)
                {
                    var ratio = ours.OpsPerSecond / mock.OpsPerSecond;
                    md.AppendLine(inv, $"| ours/mock, {clients} clients, {phase} | {ratio:F2}x | >= 3x: {(ratio >= 3 ? "met" : "NOT met")} |");
                }
            }
        }

        foreach (var clients in options.Clients)
        {
            if (Find("ours", clients, "preloaded") is { } after && Find("ours", clients, "fresh") is { OpsPerSecond: > 0 } fresh)
            {
                var ratio = after.OpsPerSecond / fresh.OpsPerSecond;
                md.AppendLine(inv, $"| ours pre-loaded/fresh, {clients} clients | {ratio:F2} | within 10%: {(Math.Abs(1 - ratio) <= 0.10 ? "met" : "NOT met")} |");
            }
        }

        foreach (var clients in options.Clients)
        {
            if (Find("mock", clients, "preloaded") is { } after && Find("mock", clients, "fresh") is { OpsPerSecond: > 0 } fresh)
            {
                md.AppendLine(inv, $"| mock pre-loaded/fresh, {clients} clients (for reference) | {after.OpsPerSecond / fresh.OpsPerSecond:F2} | |");
            }
        }

        var errors = cells.Where(c => c.FirstError is not null).ToList();
        if (errors.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("First error per cell with errors:");
            foreach (var c in errors)
            {
                md.AppendLine(inv, $"- {c.Target} {c.Clients} {c.Phase}: `{c.FirstError!.ReplaceLineEndings(" ")}`");
            }
        }

        return md.ToString();
    }
}
