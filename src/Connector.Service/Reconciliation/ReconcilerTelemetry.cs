using System.Diagnostics.Metrics;
using Connector.Service.Telemetry;

namespace Connector.Service.Reconciliation;

/// <summary>The reconciler's counters, on the connector's meter (<see cref="ConnectorTelemetry.Name"/>).</summary>
internal sealed class ReconcilerTelemetry
{
    public const string CheckedInstrument = "paypal_connector.reconciler.checked";
    public const string RepairedInstrument = "paypal_connector.reconciler.repaired";
    public const string FailedInstrument = "paypal_connector.reconciler.failed";

    public ReconcilerTelemetry(IMeterFactory meterFactory)
    {
        // The factory hands out the same Meter for the same name: these join the connector's other instruments.
        var meter = meterFactory.Create(ConnectorTelemetry.Name);
        Checked = meter.CreateCounter<long>(CheckedInstrument, unit: "{payment}", description: "Payments the reconciler compared with their PayPal order.");
        Repaired = meter.CreateCounter<long>(RepairedInstrument, unit: "{payment}", description: "Payments the reconciler updated to match PayPal.");
        Failed = meter.CreateCounter<long>(FailedInstrument, unit: "{payment}", description: "Payments the reconciler could not check or update.");
    }

    public Counter<long> Checked { get; }

    public Counter<long> Repaired { get; }

    public Counter<long> Failed { get; }
}
