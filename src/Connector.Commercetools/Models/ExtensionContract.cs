using System.Text.Json;

namespace Connector.Commercetools.Models;

/// <summary>What commercetools POSTs to an API extension: <c>{action, resource:{typeId, id, obj}}</c>.</summary>
public sealed record ExtensionInput
{
    public string? Action { get; init; }

    public ExtensionResource? Resource { get; init; }
}

public sealed record ExtensionResource
{
    public string? TypeId { get; init; }

    public string? Id { get; init; }

    public JsonElement? Obj { get; init; }
}

/// <summary>An extension's successful answer: update actions for commercetools to apply.</summary>
public sealed record ExtensionUpdateResponse(IReadOnlyList<UpdateAction> Actions);

/// <summary>An extension's validation failure: commercetools rejects the caller's update with these errors.</summary>
public sealed record ExtensionErrorResponse(IReadOnlyList<ExtensionError> Errors);

public sealed record ExtensionError(string Code, string Message);
