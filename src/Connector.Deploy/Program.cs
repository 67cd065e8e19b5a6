using Connector.Commercetools;
using Connector.Deploy;
using Connector.Domain.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// deploy | undeploy [--purge]; configuration from the same variables as the service (README).
var command = args.FirstOrDefault() ?? "deploy";
if (command is not ("deploy" or "undeploy") || args.Skip(1).Any(a => a != "--purge"))
{
    Console.Error.WriteLine("usage: Connector.Deploy deploy | undeploy [--purge]");
    return 2;
}

var builder = Host.CreateApplicationBuilder([]);
builder.Configuration.AddInMemoryCollection(LegacyVariables.Read(Environment.GetEnvironmentVariable));
builder.Services.AddCommercetoolsClient();
builder.Services.AddOptions<DeployOptions>().BindConfiguration("Connector").ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTransient(sp => new Deployer(sp.GetRequiredService<CommercetoolsClient>(), sp.GetRequiredService<IOptions<DeployOptions>>().Value));
using var host = builder.Build();
await host.StartAsync();
var deployer = host.Services.GetRequiredService<Deployer>();
try
{
    var report = command == "deploy"
        ? await deployer.DeployAsync(CancellationToken.None)
        : await deployer.UndeployAsync(args.Contains("--purge"), CancellationToken.None);
    foreach (var line in report.Lines)
    {
        Console.WriteLine(line);
    }

    return 0;
}
catch (CommercetoolsApiException e)
{
    Console.Error.WriteLine($"{command} failed: {e.Message}");
    return 1;
}
finally
{
    await host.StopAsync();
}
