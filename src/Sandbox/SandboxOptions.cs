namespace Sandbox;

/// <summary>Ports and files of the offline sandbox. Port 0 picks a free port (tests).</summary>
public sealed record SandboxOptions
{
    public const int DefaultConnectorPort = 8080;
    public const int DefaultCommercetoolsPort = 8089;
    public const int DefaultPayPalPort = 8090;
    public const int DefaultDemoPort = 8000;

    public int ConnectorPort { get; init; } = DefaultConnectorPort;

    public int CommercetoolsPort { get; init; } = DefaultCommercetoolsPort;

    public int PayPalPort { get; init; } = DefaultPayPalPort;

    /// <summary>
    /// Port of the demo checkout (a storefront backend talking to the commercetools API); null (the default for hosts
    /// built in code, so tests with private sandboxes do not compete for a port) runs no demo. The command line uses 8000.
    /// </summary>
    public int? DemoPort { get; init; }

    /// <summary>
    /// Whether deploy registers the connector's PayPal webhook in the emulator (and the connector verifies deliveries with its id).
    /// Off by default here (tests); the sandbox command turns it on. Webhook writes race every client's payment updates (409 ConcurrentModification, which real clients
    /// must retry), and tests or demo code that keep a payment's version across a PayPal step are not written for that.
    /// </summary>
    public bool RegisterPayPalWebhook { get; init; }

    /// <summary>
    /// Whether the connector's background reconciler runs (every <see cref="ReconcilerIntervalSeconds"/>, over payments older
    /// than <see cref="ReconcilerMinAgeSeconds"/>). Off by default here (tests: its writes move payment versions under tests that
    /// keep one); the sandbox command turns it on.
    /// </summary>
    public bool RunReconciler { get; init; }

    public int ReconcilerIntervalSeconds { get; init; } = 5;

    public int ReconcilerMinAgeSeconds { get; init; } = 2;

    /// <summary>Where to write the connection details as JSON once everything serves.</summary>
    public string? InfoFile { get; init; }

    /// <summary>Minimum log level of the hosted services (sandbox default: warnings only, so the console stays readable).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Extra configuration applied to every hosted app (tests use it for fault injection and logging).</summary>
    public Action<string, WebApplicationBuilder>? Configure { get; init; }
}
