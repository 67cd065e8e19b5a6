using System.Runtime.InteropServices;
using Sandbox;

// Runs everything offline: dotnet run --project src/Sandbox [-- --info-file PATH --connector-port N --commercetools-port N --paypal-port N --demo-port N --no-demo --no-paypal-webhooks --no-reconciler]
var options = new SandboxOptions { DemoPort = SandboxOptions.DefaultDemoPort, RegisterPayPalWebhook = true, RunReconciler = true };
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--info-file": options = options with { InfoFile = Path.GetFullPath(Next()) }; break;
        case "--connector-port": options = options with { ConnectorPort = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--commercetools-port": options = options with { CommercetoolsPort = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--paypal-port": options = options with { PayPalPort = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--demo-port": options = options with { DemoPort = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture) }; break;
        case "--no-demo": options = options with { DemoPort = null }; break;
        case "--verbose": options = options with { LogLevel = LogLevel.Information }; break;
        // PayPal's webhooks then update payments concurrently with the shop (clients must retry 409s, as in production).
        case "--paypal-webhooks": options = options with { RegisterPayPalWebhook = true }; break;
        case "--no-paypal-webhooks": options = options with { RegisterPayPalWebhook = false }; break;
        // The connector's reconciler: every 5 s it brings payments older than 2 s in line with what PayPal did.
        case "--reconciler": options = options with { RunReconciler = true }; break;
        case "--no-reconciler": options = options with { RunReconciler = false }; break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; options: --info-file PATH --connector-port N --commercetools-port N --paypal-port N --demo-port N --no-demo --paypal-webhooks (default) --no-paypal-webhooks --reconciler (default) --no-reconciler --verbose");
            return 2;
    }
}

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});

await using var sandbox = await SandboxHost.StartAsync(options, CancellationToken.None);
var info = sandbox.Info;
var demoLine = info.Demo is { } demo
    ? $"{Environment.NewLine}  DEMO CHECKOUT       {demo.Url}   <- open this in a browser: pick products, pay with PayPal, card or invoice{Environment.NewLine}"
    : string.Empty;
Console.WriteLine($"""

PayPal connector for commercetools: offline sandbox is running.
{demoLine}
  commercetools API   {info.Commercetools.ApiUrl}/{info.Commercetools.ProjectKey}/   (auth: {info.Commercetools.AuthUrl}/oauth/token)
    project key       {info.Commercetools.ProjectKey}
    client id/secret  {info.Commercetools.ClientId} / {info.Commercetools.ClientSecret}   (scope manage_project:{info.Commercetools.ProjectKey})
  PayPal REST API     {info.PayPal.ApiUrl}
    client id/secret  {info.PayPal.ClientId} / {info.PayPal.ClientSecret}
    buyer approval    the 'approve' / 'payer-action' link of each order
  connector           {info.Connector.Url}   (extension: {info.Connector.Url}/paypal-commercetools-extension)
    settings page     {info.Connector.Url}/admin/settings   (admin token: {sandbox.AdminToken})

Deploy:
{string.Join(Environment.NewLine, sandbox.DeployReport.Select(l => "  " + l))}

Postman: set host={info.Commercetools.ApiUrl}, auth_url={info.Commercetools.AuthUrl}, project-key={info.Commercetools.ProjectKey},
client_id/client_secret as above. Ctrl+C stops everything.
""");
if (options.InfoFile is not null)
{
    Console.WriteLine($"Connection details written to {options.InfoFile}");
}

await stop.Task;
Console.WriteLine("Stopping...");
return 0;
