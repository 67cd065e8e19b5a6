using Emulator.Commercetools;

var app = CommercetoolsEmulatorApp.Build(args);
await app.RunAsync();
