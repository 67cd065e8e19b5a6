namespace Connector.Domain.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Project_builds() => typeof(SmokeTests).Assembly.ShouldNotBeNull();
}
