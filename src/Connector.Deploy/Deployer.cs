using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Commercetools;
using Connector.Commercetools.Models;
using Connector.Domain.Contract;
using Connector.Domain.Settings;
using Connector.PayPal;

namespace Connector.Deploy;

/// <summary>
/// Creates (deploy) and removes (undeploy) what the connector needs in a commercetools project. Idempotent: running deploy
/// twice changes nothing the second time. Types are created or extended with missing fields only; no other type is
/// touched. Undeploy removes the registrations but keeps types and data (they hold PayPal order ids) unless purged.
/// </summary>
public sealed partial class Deployer(CommercetoolsClient commercetools, DeployOptions options, PayPalClient? payPal = null)
{
    public async Task<DeployReport> DeployAsync(CancellationToken cancellationToken)
    {
        var report = new DeployReport();
        await EnsureTypeAsync(PaymentType(), report, cancellationToken);
        await EnsureTypeAsync(CustomerType(), report, cancellationToken);
        await EnsureTypeAsync(InteractionType(), report, cancellationToken);
        await EnsureExtensionAsync(ConnectorContract.PaymentExtensionKey, "payment", ["Create", "Update"],
            options.PaymentExtensionTimeoutMs, report, cancellationToken);
        await EnsureExtensionAsync(ConnectorContract.CustomerExtensionKey, "customer", ["Update"],
            options.CustomerExtensionTimeoutMs, report, cancellationToken);
        await EnsureSettingsAsync(report, cancellationToken);
        await EnsureSubscriptionAsync(report, cancellationToken);
        report.WebhookId = await EnsureWebhookAsync(report, cancellationToken);
        return report;
    }

    public async Task<DeployReport> UndeployAsync(bool purge, CancellationToken cancellationToken)
    {
        var report = new DeployReport();
        foreach (var key in new[] { ConnectorContract.PaymentExtensionKey, ConnectorContract.CustomerExtensionKey })
        {
            await RemoveAsync(commercetools.Extensions, key, $"extension {key}", report, cancellationToken);
        }

        await RemoveSubscriptionAsync(report, cancellationToken);
        await RemoveWebhookAsync(report, cancellationToken);
        if (purge)
        {
            foreach (var key in new[] { options.PaymentTypeKey, options.CustomerTypeKey, options.InteractionTypeKey })
            {
                var type = await commercetools.Types.GetByKeyAsync(key, cancellationToken);
                if (type is null)
                {
                    continue;
                }

                try
                {
                    await commercetools.Types.DeleteAsync(type.Id, type.Version, cancellationToken);
                    report.Add($"type {key}: removed (--purge)");
                }
                catch (CommercetoolsApiException e) when (e.Code == "ReferenceExists")
                {
                    report.Add($"type {key}: kept, still used by resources ({e.Message})");
                }
            }
        }
        else
        {
            report.Add("types and data kept (use --purge to remove the types)");
        }

        return report;
    }

    private async Task EnsureTypeAsync(TypeDraft draft, DeployReport report, CancellationToken cancellationToken)
    {
        var existing = await commercetools.Types.GetByKeyAsync(draft.Key, cancellationToken);
        if (existing is null)
        {
            await commercetools.Types.CreateAsync(draft, cancellationToken);
            report.Add($"type {draft.Key}: created with {draft.FieldDefinitions.Count} fields");
            return;
        }

        var missing = draft.FieldDefinitions.Where(f => existing.FieldDefinitions.All(e => e.Name != f.Name)).ToList();
        if (missing.Count == 0)
        {
            report.Add($"type {draft.Key}: up to date");
            return;
        }

        await commercetools.Types.UpdateAsync(existing.Id, existing.Version, [.. missing.Select(f => new AddFieldDefinition(f))], cancellationToken);
        report.Add($"type {draft.Key}: added {string.Join(", ", missing.Select(f => f.Name))}");
    }

    private async Task EnsureExtensionAsync(string key, string resourceTypeId, List<string> actions, int timeoutMs,
        DeployReport report, CancellationToken cancellationToken)
    {
        var destination = new ExtensionDestination
        {
            Url = options.ExtensionUrl.ToString(),
            Authentication = new ExtensionAuthentication { HeaderValue = options.ExtensionAuthorization },
        };
        List<ExtensionTrigger> triggers = [new() { ResourceTypeId = resourceTypeId, Actions = actions, Condition = ConnectorOperations.TriggerCondition(resourceTypeId) }];
        var existing = await commercetools.Extensions.GetByKeyAsync(key, cancellationToken);
        if (existing is null)
        {
            await commercetools.Extensions.CreateAsync(new ExtensionDraft { Key = key, Destination = destination, Triggers = triggers, TimeoutInMs = timeoutMs }, cancellationToken);
            report.Add($"extension {key}: created → {destination.Url}");
            return;
        }

        var updates = new List<ExtensionUpdateAction>();
        // commercetools masks the header value on read, so the destination is always re-sent: the secret may have rotated.
        if (existing.Destination.Url != destination.Url || existing.Destination.Authentication?.HeaderValue != destination.Authentication.HeaderValue)
        {
            updates.Add(new ChangeDestination(destination));
        }

        if (!SameTriggers(existing.Triggers, triggers))
        {
            updates.Add(new ChangeTriggers(triggers));
        }

        if (existing.TimeoutInMs != timeoutMs)
        {
            updates.Add(new SetTimeoutInMs(timeoutMs));
        }

        await UpdateAsync(commercetools.Extensions, existing, updates, $"extension {key}", report, cancellationToken);
    }

    /// <summary>Applies the update actions deploy found missing, reporting their names, or that the resource is up to date.</summary>
    private static async Task UpdateAsync<T, TDraft, TAction>(CommercetoolsResource<T, TDraft, TAction> resource, T existing, List<TAction> updates,
        string label, DeployReport report, CancellationToken cancellationToken)
        where T : class, IVersionedResource
        where TAction : notnull
    {
        if (updates.Count == 0)
        {
            report.Add($"{label}: up to date");
            return;
        }

        await resource.UpdateAsync(existing.Id, existing.Version, updates, cancellationToken);
        report.Add($"{label}: updated ({string.Join(", ", updates.Select(u => u.GetType().Name))})");
    }

    /// <summary>Deletes the resource with this key, if there is one (undeploy).</summary>
    private static async Task RemoveAsync<T, TDraft, TAction>(CommercetoolsResource<T, TDraft, TAction> resource, string key, string label,
        DeployReport report, CancellationToken cancellationToken)
        where T : class, IVersionedResource
    {
        var existing = await resource.GetByKeyAsync(key, cancellationToken);
        if (existing is not null)
        {
            await resource.DeleteAsync(existing.Id, existing.Version, cancellationToken);
            report.Add($"{label}: removed");
        }
    }

    private static bool SameTriggers(List<ExtensionTrigger> a, List<ExtensionTrigger> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.ResourceTypeId == p.Second.ResourceTypeId
            && p.First.Condition == p.Second.Condition && p.First.Actions.SequenceEqual(p.Second.Actions));

    private async Task EnsureSettingsAsync(DeployReport report, CancellationToken cancellationToken)
    {
        var existing = await commercetools.GetCustomObjectAsync(SettingsDefaults.Container, SettingsDefaults.Key, cancellationToken);
        var stored = existing is null ? null : JsonNode.Parse(existing.Value.GetRawText());
        var merged = SettingsDefaults.MergeUnder(stored);
        if (stored is JsonObject current && merged.Count == current.Count)
        {
            report.Add("settings: up to date");
            return;
        }

        var value = JsonSerializer.SerializeToElement(merged, DeployJsonContext.Default.JsonObject);
        await commercetools.UpsertCustomObjectAsync(new CustomObjectDraft
        {
            Container = SettingsDefaults.Container,
            Key = SettingsDefaults.Key,
            Value = value,
            // Guarded by the version read, so a merchant's concurrent edit is never overwritten.
            Version = existing?.Version,
        }, cancellationToken);
        report.Add(existing is null ? "settings: created with defaults" : $"settings: added {merged.Count - ((JsonObject)stored!).Count} missing default keys");
    }

    private TypeDraft PaymentType() => Type(options.PaymentTypeKey, "PayPal payment", "payment",
        [Field(ConnectorContract.PayPalOrderIdField, "PayPal order id", multiLine: false), Field(ConnectorContract.PayPalCustomIdField, "PayPal custom id", multiLine: false),
         Field(ConnectorContract.PayPalDisputeIdField, "PayPal dispute id", multiLine: false), Field(ConnectorContract.PayPalDisputeField, "PayPal dispute", multiLine: true),
         .. RequestResponseFields(ConnectorOperations.On(ConnectorOperations.Payment))]);

    private TypeDraft CustomerType() => Type(options.CustomerTypeKey, "PayPal customer", "customer",
        [Field(ConnectorContract.PayPalUserIdField, "PayPal vault customer id", multiLine: false), .. RequestResponseFields(ConnectorOperations.On(ConnectorOperations.Customer))]);

    private TypeDraft InteractionType() => Type(options.InteractionTypeKey, "PayPal interaction", "payment-interface-interaction",
    [
        Field("type", "Type", multiLine: false),
        Field("data", "Data", multiLine: true),
        new FieldDefinition { Name = "timestamp", Type = new FieldType { Name = "DateTime" }, Label = new() { ["en"] = "Timestamp" } },
    ]);

    private static IEnumerable<FieldDefinition> RequestResponseFields(IEnumerable<string> operations) =>
        operations.SelectMany(o => new[] { Field(o + "Request", o + " request", multiLine: true), Field(o + "Response", o + " response", multiLine: true) });

    private static FieldDefinition Field(string name, string label, bool multiLine) => new()
    {
        Name = name,
        Type = new FieldType { Name = "String" },
        Label = new() { ["en"] = label },
        InputHint = multiLine ? "MultiLine" : "SingleLine",
    };

    private static TypeDraft Type(string key, string name, string resourceTypeId, List<FieldDefinition> fields) => new()
    {
        Key = key,
        Name = new() { ["en"] = name },
        ResourceTypeIds = [resourceTypeId],
        FieldDefinitions = fields,
    };
}

/// <summary>What deploy or undeploy did, one line per resource.</summary>
public sealed class DeployReport
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The PayPal webhook id deploy registered or reused (the connector's <c>PayPal:WebhookId</c>); null when none.</summary>
    public string? WebhookId { get; set; }

    public void Add(string line) => _lines.Add(line);
}
