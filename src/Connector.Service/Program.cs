using Connector.Service;
using Connector.Service.Reconciliation;

if (ReconcileCommand.Matches(args))
{
    // One reconciliation pass for a scheduled job: no web server.
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return await ReconcileCommand.RunAsync(args[1..], Console.Out, Console.Error, cancellationToken: stop.Token);
}

var app = ConnectorApp.Build(args);
await app.RunAsync();
return 0;
