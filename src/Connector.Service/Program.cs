using Connector.Service;

var app = ConnectorApp.Build(args);
await app.RunAsync();
