using Connector.Domain.Contract;
using Connector.Service.ApiExtension;
using Connector.Service.ApiExtension.Operations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Service.Tests.ApiExtension;

/// <summary>
/// The operation table is where an operation name meets its handler: it must cover the contract exactly (the names deploy
/// turns into custom-type fields and trigger conditions), in the contract's order, and DI must give each name its handler.
/// </summary>
public sealed class OperationTableTests
{
    [Fact]
    public void Payment_operations_are_the_contract_s_in_its_order() =>
        OperationTable.Payment.Select(e => e.Name).ShouldBe(ConnectorOperations.On(ConnectorOperations.Payment));

    [Fact]
    public void Customer_operations_are_the_contract_s_in_its_order() =>
        OperationTable.Customer.Select(e => e.Name).ShouldBe(ConnectorOperations.On(ConnectorOperations.Customer));

    [Fact]
    public void Every_handler_runs_exactly_one_operation_of_its_resource()
    {
        var all = OperationTable.Payment.Concat(OperationTable.Customer).ToList();
        all.Select(e => e.Handler).Distinct().Count().ShouldBe(all.Count);
        OperationTable.Payment.ShouldAllBe(e => e.Resource == "payment" && typeof(IPaymentOperation).IsAssignableFrom(e.Handler));
        OperationTable.Customer.ShouldAllBe(e => e.Resource == "customer" && typeof(ICustomerOperation).IsAssignableFrom(e.Handler));
    }

    [Fact]
    public void The_trigger_conditions_deploy_writes_name_every_operation_of_the_table()
    {
        foreach (var (resource, entries) in new[] { (ConnectorOperations.Payment, OperationTable.Payment), (ConnectorOperations.Customer, OperationTable.Customer) })
        {
            var condition = ConnectorOperations.TriggerCondition(resource);
            foreach (var entry in entries)
            {
                condition.ShouldContain($"custom(fields({entry.Name}Request is defined))");
            }
        }
    }

    [Fact]
    public async Task The_connector_resolves_each_name_to_its_handler_and_nothing_else()
    {
        await using var app = Infrastructure.OfflineConnector.Build();
        using var scope = app.Services.CreateScope();
        foreach (var entry in OperationTable.Payment)
        {
            scope.ServiceProvider.GetRequiredKeyedService<IPaymentOperation>(entry.Name).GetType().ShouldBe(entry.Handler);
        }

        foreach (var entry in OperationTable.Customer)
        {
            scope.ServiceProvider.GetRequiredKeyedService<ICustomerOperation>(entry.Name).GetType().ShouldBe(entry.Handler);
        }

        // Handlers exist only under their operation name: nothing resolves them as a list.
        scope.ServiceProvider.GetServices<IPaymentOperation>().ShouldBeEmpty();
        scope.ServiceProvider.GetKeyedService<IPaymentOperation>("capturePayPalOrderRequest").ShouldBeNull();
    }

    [Fact]
    public void The_contract_doc_lists_every_operation_in_run_order_with_its_handler_and_a_section()
    {
        var doc = File.ReadAllText(Path.Combine(TestDrivers.Repository.Root, "docs", "contract.md"));
        var glance = doc[doc.IndexOf("## Operations at a glance", StringComparison.Ordinal)..doc.IndexOf("## How a call works", StringComparison.Ordinal)];
        var rows = Regex.Matches(glance, @"^\| `(\w+)`[^|]*\| `([^`]+)`", RegexOptions.Multiline);
        var entries = OperationTable.Payment.Concat(OperationTable.Customer).ToList();

        rows.Select(r => r.Groups[1].Value).ShouldBe(entries.Select(e => e.Name + "Request"), "the table's rows are the operations in run order");
        foreach (var (row, entry) in rows.Zip(entries))
        {
            row.Groups[2].Value.ShouldBe($"ApiExtension/Operations/{entry.Handler.Name}.cs", $"{entry.Name}: the handler the table names");
            File.Exists(Path.Combine(TestDrivers.Repository.Root, "src", "Connector.Service", row.Groups[2].Value)).ShouldBeTrue(row.Groups[2].Value);
            Regex.IsMatch(doc, $@"^### .*\b{entry.Name}Request\b", RegexOptions.Multiline).ShouldBeTrue($"docs/contract.md has no section for {entry.Name}Request");
        }
    }

}
