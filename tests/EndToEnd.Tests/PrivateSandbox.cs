using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// A sandbox of its own for tests that change how the system behaves (latency, counters), so they cannot disturb the
/// shared one. Exposes the same helpers as <see cref="SandboxFixture"/> through an inner fixture.
/// </summary>
public sealed class PrivateSandbox : IAsyncDisposable
{
    private PrivateSandbox(SandboxFixture fixture, UpstreamCounter counter)
    {
        Fixture = fixture;
        Counter = counter;
    }

    public SandboxFixture Fixture { get; }

    public UpstreamCounter Counter { get; }

    public static async Task<PrivateSandbox> StartAsync(Dictionary<string, Dictionary<string, string?>>? settings = null)
    {
        var counter = new UpstreamCounter();
        var fixture = new SandboxFixture(new SandboxOptions
        {
            ConnectorPort = 0,
            CommercetoolsPort = 0,
            PayPalPort = 0,
            Configure = (name, builder) =>
            {
                if (settings is not null && settings.TryGetValue(name, out var values))
                {
                    builder.Configuration.AddInMemoryCollection(values);
                }

                if (name == "connector")
                {
                    builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(counter.CreateHandler));
                }
            },
        });
        await fixture.InitializeAsync();
        return new PrivateSandbox(fixture, counter);
    }

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();
}
