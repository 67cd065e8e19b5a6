using Connector.Commercetools;
using Connector.Deploy;
using Connector.Domain.Contract;
using Connector.PayPal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// deploy | undeploy [--purge] | bind-vaults; configuration from the same variables as the service (README).
var command = args.FirstOrDefault() ?? "deploy";
if (command is not ("deploy" or "undeploy" or "bind-vaults") || args.Skip(1).Any(a => a != "--purge"))
{
    Console.Error.WriteLine("usage: Connector.Deploy deploy | undeploy [--purge] | bind-vaults");
    return 2;
}

var builder = Host.CreateApplicationBuilder([]);
builder.Configuration.AddInMemoryCollection(LegacyVariables.Read(Environment.GetEnvironmentVariable));
builder.Services.AddCommercetoolsClient();
// PayPal credentials are needed too: deploy registers the connector's webhook, undeploy removes it.
builder.Services.AddPayPalClient();
builder.Services.AddOptions<DeployOptions>().BindConfiguration("Connector").ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<DeployOptions>, DeployOptionsValidator>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTransient(sp => new Deployer(sp.GetRequiredService<CommercetoolsClient>(), sp.GetRequiredService<IOptions<DeployOptions>>().Value,
    sp.GetRequiredService<PayPalClient>()));
using var host = builder.Build();
await host.StartAsync();
var deployer = host.Services.GetRequiredService<Deployer>();
try
{
    if (command == "bind-vaults")
    {
        var (seen, bound) = await new VaultBindingMigration(host.Services.GetRequiredService<CommercetoolsClient>()).RunAsync(CancellationToken.None);
        Console.WriteLine($"bind-vaults: {seen} customers with a PayPalUserId, {bound} bound now (the others were bound already).");
        return 0;
    }

    var report = command == "deploy"
        ? await deployer.DeployAsync(CancellationToken.None)
        : await deployer.UndeployAsync(args.Contains("--purge"), CancellationToken.None);
    foreach (var line in report.Lines)
    {
        Console.WriteLine(line);
    }

    if (report.WebhookId is { } webhookId)
    {
        Console.WriteLine($"Set PAYPAL_WEBHOOK_ID={webhookId} on the connector (webhook signatures are verified against it).");
    }

    return 0;
}
catch (CommercetoolsApiException e)
{
    Console.Error.WriteLine($"{command} failed: {e.Message}");
    return 1;
}
catch (PayPalApiException e)
{
    Console.Error.WriteLine($"{command} failed at PayPal: {e.Message}");
    return 1;
}
finally
{
    await host.StopAsync();
}
