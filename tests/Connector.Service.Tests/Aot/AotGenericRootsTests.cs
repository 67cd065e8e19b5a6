using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Connector.Service.Tests.Infrastructure;

namespace Connector.Service.Tests.Aot;

/// <summary>
/// The native binary compiles ahead of time the closed generic types the DI container would otherwise build at run
/// time (<c>Logger&lt;T&gt;</c>, <c>OptionsFactory&lt;T&gt;</c>, ... for each service): built by the type loader they were
/// about a third of the start-up CPU. <c>src/Connector.Service/aot-generics.rd.xml</c> lists them; this test runs the
/// connector in process through a checkout and the customer operations, reads which closed generic types its container
/// made, and fails naming every one the file lacks. Run with <c>AOT_ROOTS_UPDATE=1</c> to rewrite the file.
/// </summary>
public sealed partial class AotGenericRootsTests
{
    private const string RootsFile = "src/Connector.Service/aot-generics.rd.xml";

    [Fact]
    public async Task The_roots_file_lists_every_closed_generic_type_the_container_builds()
    {
        IReadOnlyList<Type> built;
        await using (var system = await InProcessConnector.StartAsync())
        {
            var payment = await system.RequestAsync(await system.CartPaymentAsync(20_00), "createPayPalOrderRequest");
            await system.ApproveAsync(payment);
            payment = await system.RequestAsync(payment, "getPayPalOrderRequest");
            await system.RequestAsync(payment, "capturePayPalOrderRequest");
            built = ClosedGenericTypes(system.Connector.Services);
        }

        built.ShouldNotBeEmpty();
        var expected = RdXml(built);
        var path = Path.Combine(TestDrivers.Repository.Root, RootsFile);
        if (Environment.GetEnvironmentVariable("AOT_ROOTS_UPDATE") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var listed = TypeLine().Matches(File.ReadAllText(path)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var missing = TypeLine().Matches(expected).Select(m => m.Value).Where(l => !listed.Contains(l)).ToList();
        missing.ShouldBeEmpty($"{RootsFile} lacks types the container builds; run this test with AOT_ROOTS_UPDATE=1 to rewrite it");
    }

    /// <summary>The closed generic service and implementation types in the container's call-site cache.</summary>
    private static List<Type> ClosedGenericTypes(IServiceProvider services)
    {
        // The container keeps its call sites private; reflection here reads them (a test only, pinned package versions:
        // a renamed member fails this test loudly).
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var root = services.GetType().GetProperty("RootProvider", Private)?.GetValue(services) ?? services;
        var factory = root.GetType().GetProperty("CallSiteFactory", Private)!.GetValue(root)!;
        var cache = (IDictionary)factory.GetType().GetField("_callSiteCache", Private)!.GetValue(factory)!;
        var shipped = ShippedAssemblies();
        var types = new HashSet<Type>();
        foreach (DictionaryEntry entry in cache)
        {
            foreach (var property in new[] { "ServiceType", "ImplementationType" })
            {
                if (entry.Value!.GetType().GetProperty(property)?.GetValue(entry.Value) is Type { IsConstructedGenericType: true } type
                    && Involved(type).All(a => shipped.Contains(a.GetName().Name!)))
                {
                    types.Add(type);
                }
            }
        }

        return [.. types];
    }

    /// <summary>The assemblies the service ships with (itself and what it references, transitively); test doubles are not among them.</summary>
    private static HashSet<string> ShippedAssemblies()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(ConnectorApp).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!names.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!names.Contains(reference.Name!))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return names;
    }

    private static IEnumerable<Assembly> Involved(Type type) =>
        type.IsConstructedGenericType ? type.GetGenericArguments().SelectMany(Involved).Append(type.Assembly) : [type.Assembly];

    private static string RdXml(IEnumerable<Type> types)
    {
        var text = new StringBuilder();
        text.AppendLine("<!-- Closed generic types the DI container builds, compiled ahead of time for the native binary (start-up).");
        text.AppendLine("     Written by AotGenericRootsTests (AOT_ROOTS_UPDATE=1); that test fails when one is missing. -->");
        text.AppendLine("<Directives xmlns=\"http://schemas.microsoft.com/netfx/2013/01/metadata\">");
        text.AppendLine("  <Application>");
        foreach (var group in types.GroupBy(t => t.Assembly.GetName().Name!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"    <Assembly Name=\"{group.Key}\">");
            foreach (var name in group.Select(Name).Distinct().Order(StringComparer.Ordinal))
            {
                text.AppendLine($"      <Type Name=\"{name}\" Dynamic=\"Required All\" />");
            }

            text.AppendLine("    </Assembly>");
        }

        text.AppendLine("  </Application>");
        text.AppendLine("</Directives>");
        return text.ToString();
    }

    /// <summary><c>Namespace.Type`1[[Arg,ArgAssembly]]</c>, as the ILC directives name a generic instantiation.</summary>
    private static string Name(Type type) =>
        type.IsConstructedGenericType
            ? $"{type.GetGenericTypeDefinition().FullName}[{string.Join(",", type.GetGenericArguments().Select(a => $"[{Name(a)},{a.Assembly.GetName().Name}]"))}]"
            : type.FullName!;


    [GeneratedRegex("<Type Name=\"[^\"]+\"")]
    private static partial Regex TypeLine();
}
