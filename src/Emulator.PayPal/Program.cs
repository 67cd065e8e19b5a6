using Emulator.PayPal;

var app = PayPalEmulatorApp.Build(args);
await app.RunAsync();
