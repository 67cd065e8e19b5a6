using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connector.Commercetools.Models;
using Connector.Domain;

namespace Connector.Commercetools;

/// <summary>
/// Typed client for the commercetools HTTP API (https://docs.commercetools.com/api/). Paths are relative to
/// <c>{apiUrl}/{projectKey}/</c>; authentication is added by <see cref="CommercetoolsAuthHandler"/>.
/// Failures throw <see cref="CommercetoolsApiException"/> (409: <see cref="ConcurrentModificationException"/>).
/// </summary>
public sealed partial class CommercetoolsClient(HttpClient http)
{
    private static CommercetoolsJsonContext Json => CommercetoolsJsonContext.Default;

    /// <summary>GET /payments/{id}. Null when it does not exist.</summary>
    public Task<Payment?> GetPaymentAsync(string id, CancellationToken cancellationToken) =>
        GetByIdAsync("payments", id, Json.Payment, cancellationToken);

    /// <summary>POST /payments: creates a payment.</summary>
    public Task<Payment> CreatePaymentAsync(PaymentDraft draft, CancellationToken cancellationToken) =>
        CreateAsync("payments", draft, Json.PaymentDraft, Json.Payment, cancellationToken);

    /// <summary>POST /payments/{id}: applies update actions at the given version.</summary>
    public Task<Payment> UpdatePaymentAsync(string id, long version, IReadOnlyList<UpdateAction> actions, CancellationToken cancellationToken) =>
        UpdateAsync("payments", id, version, actions, Json.UpdateRequestUpdateAction, Json.Payment, cancellationToken);

    /// <summary>GET /payments?where=...: the first page of payments matching a predicate.</summary>
    public Task<PagedQueryResponse<Payment>> QueryPaymentsAsync(string where, int limit, CancellationToken cancellationToken) =>
        QueryAsync("payments", where, limit, Json.PagedQueryResponsePayment, cancellationToken);

    /// <summary>
    /// The cart that references this payment, if any (<c>paymentInfo(payments(id=...))</c>), with its payments expanded
    /// so what the other payments already cover is known in the same call.
    /// </summary>
    public Task<Cart?> FindCartByPaymentAsync(string paymentId, CancellationToken cancellationToken) =>
        FindByPaymentAsync("carts", paymentId, Json.PagedQueryResponseCart, cancellationToken, "&expand=paymentInfo.payments%5B*%5D");

    /// <summary>GET /custom-objects/{container}/{key}. Null when absent.</summary>
    public Task<CustomObject?> GetCustomObjectAsync(string container, string key, CancellationToken cancellationToken) =>
        GetByIdAsync($"custom-objects/{Uri.EscapeDataString(container)}", key, Json.CustomObject, cancellationToken);

    /// <summary>GET /custom-objects/{container}?where=...: the first page of a container's objects matching a predicate.</summary>
    public Task<PagedQueryResponse<CustomObject>> QueryCustomObjectsAsync(string container, string where, int limit, CancellationToken cancellationToken) =>
        QueryAsync($"custom-objects/{Uri.EscapeDataString(container)}", where, limit, Json.PagedQueryResponseCustomObject, cancellationToken);

    /// <summary>POST /custom-objects: creates or replaces; a non-null version must match the stored one (0: create only).</summary>
    public Task<CustomObject> UpsertCustomObjectAsync(CustomObjectDraft draft, CancellationToken cancellationToken) =>
        CreateAsync("custom-objects", draft, Json.CustomObjectDraft, Json.CustomObject, cancellationToken);

    /// <summary>/types: the connector's custom types.</summary>
    public CommercetoolsResource<CtType, TypeDraft, TypeUpdateAction> Types => field ??=
        new(this, "types", Json.CtType, Json.TypeDraft, Json.UpdateRequestTypeUpdateAction, Json.PagedQueryResponseCtType);

    /// <summary>/extensions: the connector's API extensions.</summary>
    public CommercetoolsResource<Extension, ExtensionDraft, ExtensionUpdateAction> Extensions => field ??=
        new(this, "extensions", Json.Extension, Json.ExtensionDraft, Json.UpdateRequestExtensionUpdateAction, Json.PagedQueryResponseExtension);

    /// <summary>GET /customers/{id}. Null when absent.</summary>
    public Task<Customer?> GetCustomerAsync(string id, CancellationToken cancellationToken) =>
        GetByIdAsync("customers", id, Json.Customer, cancellationToken);

    public Task<Customer> UpdateCustomerAsync(string id, long version, IReadOnlyList<UpdateAction> actions, CancellationToken cancellationToken) =>
        UpdateAsync("customers", id, version, actions, Json.UpdateRequestUpdateAction, Json.Customer, cancellationToken);

    /// <summary>Escapes a value for a double-quoted predicate string literal.</summary>
    public static string EscapePredicateString(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    // The request shapes every resource shares; the public methods above and in the other parts of this class only name
    // the resource path and its JSON types.

    /// <summary>GET /{resource}/{id}. Null when absent.</summary>
    internal Task<T?> GetByIdAsync<T>(string resource, string id, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class =>
        GetOrNullAsync($"{resource}/{Uri.EscapeDataString(id)}", typeInfo, cancellationToken);

    /// <summary>GET /{resource}/key={key}. Null when absent.</summary>
    internal Task<T?> GetByKeyAsync<T>(string resource, string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class =>
        GetOrNullAsync($"{resource}/key={Uri.EscapeDataString(key)}", typeInfo, cancellationToken);

    /// <summary>POST /{resource} with a draft.</summary>
    internal Task<T> CreateAsync<TDraft, T>(string resource, TDraft draft, JsonTypeInfo<TDraft> draftInfo, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, resource, JsonContent.Create(draft, draftInfo), typeInfo, cancellationToken);

    /// <summary>POST /{resource}/{id}: update actions at the given version.</summary>
    internal Task<T> UpdateAsync<TAction, T>(string resource, string id, long version, IReadOnlyList<TAction> actions,
        JsonTypeInfo<UpdateRequest<TAction>> requestInfo, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{resource}/{Uri.EscapeDataString(id)}",
            JsonContent.Create(new UpdateRequest<TAction>(version, actions), requestInfo), typeInfo, cancellationToken);

    /// <summary>DELETE /{resource}/{id}?version=: returns the deleted resource.</summary>
    internal Task<T> DeleteAsync<T>(string resource, string id, long version, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"{resource}/{Uri.EscapeDataString(id)}?version={version.ToString(CultureInfo.InvariantCulture)}", null, typeInfo, cancellationToken);

    /// <summary>
    /// GET /{resource}?where=...&amp;limit=...&amp;withTotal=false: one page, without the total commercetools would
    /// otherwise count; <paramref name="extraQuery"/> (sort, expand) is appended as given.
    /// </summary>
    internal Task<PagedQueryResponse<T>> QueryAsync<T>(string resource, string where, int limit, JsonTypeInfo<PagedQueryResponse<T>> pageInfo,
        CancellationToken cancellationToken, string extraQuery = "") =>
        SendAsync(HttpMethod.Get,
            $"{resource}?where={Uri.EscapeDataString(where)}&limit={limit.ToString(CultureInfo.InvariantCulture)}&withTotal=false{extraQuery}", null,
            pageInfo, cancellationToken);

    /// <summary>The first {resource} (cart or order) whose payment info references this payment, if any.</summary>
    private async Task<T?> FindByPaymentAsync<T>(string resource, string paymentId, JsonTypeInfo<PagedQueryResponse<T>> pageInfo,
        CancellationToken cancellationToken, string extraQuery = "")
        where T : class
    {
        var where = $"paymentInfo(payments(id=\"{EscapePredicateString(paymentId)}\"))";
        var page = await QueryAsync(resource, where, 1, pageInfo, cancellationToken, extraQuery);
        return page.Results.FirstOrDefault();
    }

    /// <summary>The <c>&amp;sort=</c> parameters for sort expressions such as <c>lastModifiedAt asc</c>.</summary>
    private static string SortQuery(IEnumerable<string> sort) => string.Concat(sort.Select(s => "&sort=" + Uri.EscapeDataString(s)));

    internal async Task<T?> GetOrNullAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await SendAsync(HttpMethod.Get, path, null, typeInfo, cancellationToken);
        }
        catch (CommercetoolsApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    internal async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var response = await http.SendTranslatingFailuresAsync(request, (method, path),
            static (call, e) => new CommercetoolsApiException($"commercetools could not be reached ({call.method} {StripQuery(call.path)}).", e),
            static (call, e) => new CommercetoolsApiException($"commercetools did not answer in time ({call.method} {StripQuery(call.path)}).", e),
            cancellationToken);
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
                        ?? throw new CommercetoolsApiException(response.StatusCode, [], null, "commercetools returned an empty body.");
                }
                catch (JsonException e)
                {
                    throw new CommercetoolsApiException($"commercetools returned a body that could not be read ({method} {StripQuery(path)}).", e);
                }
            }

            throw await BuildExceptionAsync(response, method, path, cancellationToken);
        }
    }

    private static async Task<CommercetoolsApiException> BuildExceptionAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        ErrorResponse? parsed = null;
        try
        {
            parsed = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, Json.ErrorResponse);
        }
        catch (JsonException)
        {
            // Not the commercetools envelope (a proxy page, say): keep the raw body only.
        }

        var errors = parsed?.Errors.Select(e => new CommercetoolsError(e.Code, e.Message)).ToList() ?? [];
        var message = $"commercetools answered {(int)response.StatusCode} to {method} {StripQuery(path)}: {parsed?.Message ?? response.ReasonPhrase}";
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var current = parsed?.Errors.FirstOrDefault(e => e.CurrentVersion is not null)?.CurrentVersion;
            return new ConcurrentModificationException(response.StatusCode, errors, body, message, current);
        }

        return new CommercetoolsApiException(response.StatusCode, errors, body, message);
    }

    private static string StripQuery(string path)
    {
        var i = path.IndexOf('?', StringComparison.Ordinal);
        return i < 0 ? path : path[..i];
    }
}
