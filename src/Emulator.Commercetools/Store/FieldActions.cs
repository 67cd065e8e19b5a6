using System.Collections;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Store;

/// <summary>
/// Update actions that each set one field of the resource to a value read from the payload (a null value removes the
/// field), declared as a table: action name, field, and how the value is read and checked.
/// </summary>
internal sealed class FieldActions : IEnumerable<string>
{
    private readonly Dictionary<string, (string Field, Func<JsonObject, JsonNode?> Value)> _actions;

    public FieldActions()
    {
        _actions = new(StringComparer.Ordinal);
    }

    /// <summary>Starts from the actions of <paramref name="shared"/> (resource types that update some fields alike).</summary>
    public FieldActions(FieldActions shared)
    {
        _actions = new(shared._actions, StringComparer.Ordinal);
    }

    public void Add(string action, string field, Func<JsonObject, JsonNode?> value) => _actions.Add(action, (field, value));

    /// <summary>An action whose payload carries the new value as an optional string named <paramref name="property"/>.</summary>
    public void Add(string action, string field, string property) => Add(action, field, payload => JsonUtil.OptString(payload, property));

    /// <summary>Applies <paramref name="action"/> if it is one of these; <paramref name="changed"/> says whether the field changed.</summary>
    public bool TryApply(JsonObject resource, string action, JsonObject payload, out bool changed)
    {
        if (!_actions.TryGetValue(action, out var set))
        {
            changed = false;
            return false;
        }

        changed = JsonUtil.SetIfChanged(resource, set.Field, set.Value(payload));
        return true;
    }

    public IEnumerator<string> GetEnumerator() => _actions.Keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
