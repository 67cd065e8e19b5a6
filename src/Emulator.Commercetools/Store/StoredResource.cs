using System.Text.Json;

namespace Emulator.Commercetools.Store;

/// <summary>An immutable snapshot of a persisted resource. <see cref="Body"/> is a cloned <see cref="JsonElement"/>, safe to read from any thread.</summary>
internal sealed record StoredResource(string Id, string? Key, long Version, JsonElement Body, long Sequence);
