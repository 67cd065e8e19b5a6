namespace Emulator.Commercetools.Auth;

internal static class ScopeEndpointExtensions
{
    /// <summary>Marks endpoints with the area whose scopes <see cref="ScopeMiddleware"/> enforces.</summary>
    public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, ScopeArea area)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(area);
}
