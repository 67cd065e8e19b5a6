using System.Text.Json.Nodes;
using Emulator.Commercetools.Auth;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Projects;

/// <summary><c>GET /{projectKey}</c>: the project's settings, commonly used as a connectivity check.</summary>
internal static class ProjectEndpoints
{
    private static readonly ScopeArea Scopes = new(["view_project_settings"], ["manage_project_settings"]);

    public static void MapProjectEndpoints(this IEndpointRouteBuilder api, EmulatorOptions options)
    {
        api.MapGet("/", Handlers.Of(_ => JsonHttpResult.Ok(new JsonObject
        {
            ["key"] = options.ProjectKey,
            ["name"] = options.ProjectKey,
            ["version"] = 1,
            ["countries"] = new JsonArray("DE", "AT", "US", "GB", "FR", "NL", "IT", "ES", "CA", "AU", "JP"),
            ["currencies"] = new JsonArray("EUR", "USD", "GBP", "CAD", "AUD", "JPY"),
            ["languages"] = new JsonArray("en", "de"),
            ["createdAt"] = "2026-01-01T00:00:00.000Z",
            ["messages"] = new JsonObject { ["enabled"] = true, ["deleteDaysAfterCreation"] = 15 },
            ["carts"] = new JsonObject { ["countryTaxRateFallbackEnabled"] = false, ["deleteDaysAfterLastModification"] = 90 },
            ["shoppingLists"] = new JsonObject { ["deleteDaysAfterLastModification"] = 360 },
            ["searchIndexing"] = new JsonObject(),
        }))).RequireScopes(Scopes);
    }
}
