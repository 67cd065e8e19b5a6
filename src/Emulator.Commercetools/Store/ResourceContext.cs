using System.Text.Json.Nodes;
using Emulator.Commercetools.Infrastructure;
using Emulator.Commercetools.Types;

namespace Emulator.Commercetools.Store;

/// <summary>A message produced by an effective action, stamped with the version that action produced.</summary>
internal sealed record PendingMessage(string Type, JsonObject Payload, long ResourceVersion);

/// <summary>Per-request state shared by the update actions of one write.</summary>
internal sealed class ResourceContext(ResourceStore store, CustomFieldService customFields, Actor actor, DateTimeOffset now)
{
    public ResourceStore Store { get; } = store;

    public CustomFieldService CustomFields { get; } = customFields;

    public Actor Actor { get; } = actor;

    public DateTimeOffset Now { get; } = now;

    public string NowText => Timestamps.Format(Now);

    public List<PendingMessage> Messages { get; } = [];

    /// <summary>The version the resource will have if the current action changes it.</summary>
    public long PendingVersion { get; set; } = 1;

    /// <summary>Set by a write that must not emit messages (e.g. My Payments masking happens elsewhere).</summary>
    public bool SuppressMessages { get; set; }

    public void AddMessage(string type, JsonObject payload)
    {
        if (!SuppressMessages)
        {
            Messages.Add(new PendingMessage(type, payload, PendingVersion));
        }
    }
}
