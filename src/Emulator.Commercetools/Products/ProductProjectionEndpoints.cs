using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Products;

/// <summary>Read-only product projections: current (published only) by default, staged with <c>staged=true</c>.</summary>
internal static class ProductProjectionEndpoints
{
    public static void MapProductProjectionEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/product-projections").RequireScopes(ScopeArea.Products);
        group.MapGet("/", Handlers.Of(http =>
        {
            var store = http.Service<ResourceStore>();
            var staged = IsStaged(http);
            var parameters = QueryParameters.From(http.Request);
            var items = store.Collection("product").All()
                .Where(p => staged || p.Body.GetProperty("masterData").GetProperty("published").GetBoolean())
                .Select(p => JsonUtil.ToElement(ProductBehavior.Projection(p.Body, staged)));
            return JsonHttpResult.Ok(ResourceEndpoints.Page(parameters, items, JsonUtil.ToObject));
        }));
        group.MapGet("/{segment}", Handlers.Of(http =>
        {
            var store = http.Service<ResourceStore>();
            var segment = http.Route("segment");
            var collection = store.Collection("product");
            var product = segment.StartsWith("key=", StringComparison.Ordinal) ? collection.GetByKey(segment[4..]) : collection.Get(segment);
            var staged = IsStaged(http);
            if (product is null || (!staged && !product.Body.GetProperty("masterData").GetProperty("published").GetBoolean()))
            {
                throw Errors.NotFound(segment);
            }

            return JsonHttpResult.Ok(ProductBehavior.Projection(product.Body, staged));
        }));
    }

    private static bool IsStaged(HttpContext http) => string.Equals(http.Request.Query["staged"], "true", StringComparison.OrdinalIgnoreCase);
}
