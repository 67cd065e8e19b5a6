using System.Text.Json.Serialization.Metadata;
using Connector.Commercetools.Models;

namespace Connector.Commercetools;

/// <summary>
/// One commercetools resource endpoint (<c>/types</c>, <c>/extensions</c>, <c>/subscriptions</c>,
/// <c>/payment-methods</c>) with the requests each takes: get by key (null when absent), create from a draft, update
/// actions at a version, delete at a version, one page of a query. <see cref="CommercetoolsClient"/> names the path and
/// the JSON types; the requests themselves are the client's.
/// </summary>
public sealed class CommercetoolsResource<T, TDraft, TAction>
    where T : class, IVersionedResource
{
    private readonly CommercetoolsClient _client;
    private readonly string _path;
    private readonly JsonTypeInfo<T> _type;
    private readonly JsonTypeInfo<TDraft> _draftType;
    private readonly JsonTypeInfo<UpdateRequest<TAction>> _updateType;
    private readonly JsonTypeInfo<PagedQueryResponse<T>> _pageType;

    internal CommercetoolsResource(CommercetoolsClient client, string path, JsonTypeInfo<T> type, JsonTypeInfo<TDraft> draftType,
        JsonTypeInfo<UpdateRequest<TAction>> updateType, JsonTypeInfo<PagedQueryResponse<T>> pageType)
    {
        _client = client;
        _path = path;
        _type = type;
        _draftType = draftType;
        _updateType = updateType;
        _pageType = pageType;
    }

    /// <summary>GET /{path}/key={key}. Null when absent.</summary>
    public Task<T?> GetByKeyAsync(string key, CancellationToken cancellationToken) =>
        _client.GetByKeyAsync(_path, key, _type, cancellationToken);

    /// <summary>POST /{path}: creates the resource.</summary>
    public Task<T> CreateAsync(TDraft draft, CancellationToken cancellationToken) =>
        _client.CreateAsync(_path, draft, _draftType, _type, cancellationToken);

    /// <summary>POST /{path}/{id}: applies update actions at the given version.</summary>
    public Task<T> UpdateAsync(string id, long version, IReadOnlyList<TAction> actions, CancellationToken cancellationToken) =>
        _client.UpdateAsync(_path, id, version, actions, _updateType, _type, cancellationToken);

    /// <summary>DELETE /{path}/{id}?version=: deletes at the given version; returns the deleted resource.</summary>
    public Task<T> DeleteAsync(string id, long version, CancellationToken cancellationToken) =>
        _client.DeleteAsync(_path, id, version, _type, cancellationToken);

    /// <summary>GET /{path}?where=...: the first page (up to <paramref name="limit"/>, at most 500) matching a predicate.</summary>
    public Task<PagedQueryResponse<T>> QueryAsync(string where, int limit, CancellationToken cancellationToken) =>
        _client.QueryAsync(_path, where, limit, _pageType, cancellationToken);
}
