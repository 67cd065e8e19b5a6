namespace Emulator.Commercetools.Store;

/// <summary>Optional durable backing (<c>--data file</c>); called under the collection lock so it sees writes in order.</summary>
internal interface IResourcePersistence
{
    void Save(string typeId, StoredResource resource);

    void Delete(string typeId, string id);

    IEnumerable<(string TypeId, string Id, string Json)> LoadAll();
}
