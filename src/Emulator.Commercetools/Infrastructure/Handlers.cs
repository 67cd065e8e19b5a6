namespace Emulator.Commercetools.Infrastructure;

/// <summary>
/// Endpoints are plain <see cref="RequestDelegate"/>s: minimal-API delegate compilation would cost seconds per host
/// for this many routes, and tests start a fresh host each.
/// </summary>
internal static class Handlers
{
    public static RequestDelegate Of(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);

    public static RequestDelegate Of(Func<HttpContext, IResult> handler) =>
        context => handler(context).ExecuteAsync(context);

    public static T Service<T>(this HttpContext context)
        where T : notnull => context.RequestServices.GetRequiredService<T>();

    public static string Route(this HttpContext context, string name) =>
        context.GetRouteValue(name) as string ?? throw new InvalidOperationException($"Missing route value '{name}'.");
}
