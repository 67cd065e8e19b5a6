using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulator.Commercetools.Predicates;
using Emulator.Commercetools.Store;

namespace Emulator.Commercetools.Tests.Store;

/// <summary>
/// Index-served queries must return exactly what a full scan returns: random documents, random writes (inserts,
/// replaces that move values, deletes) before and after the indexes exist, and random predicates over the paths the
/// connector and storefronts query.
/// </summary>
public sealed class IndexEquivalenceTests
{
    private static readonly string[] Ids = ["A", "B", "C", "D", "E", "5", "true"];
    private static readonly string[] Times =
    [
        "2026-01-15T10:00:00.000Z", "2026-01-15T10:00:00.500Z", "2026-01-15T10:00:01.000Z", "2026-01-15T10:00:02.000Z",
        "2026-01-15T10:00:03.250Z", "2026-01-15T10:00:04.000Z", "2026-01-15T10:00:05.000Z",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Index_served_queries_return_what_a_scan_returns(int seed)
    {
        var random = new Random(seed);
        var collection = new ResourceCollection("payment", ResourceCollection.KeyProperty);
        var live = new List<string>();
        Write(collection, live, random, 150);

        var queries = Enumerable.Range(0, 150).Select(_ => RandomQuery(random)).ToList();
        var served = 0;
        foreach (var query in queries)
        {
            served += Compare(collection, query);
        }

        // The indexes now exist: later writes must keep them right.
        Write(collection, live, random, 150);
        foreach (var query in queries)
        {
            Compare(collection, query);
        }

        served.ShouldBeGreaterThan(queries.Count / 2, "most generated predicates should be index-served, or the test proves little");
    }

    [Fact]
    public void The_queries_the_connector_makes_are_served_without_a_scan()
    {
        var collection = new ResourceCollection("payment", ResourceCollection.KeyProperty);
        var random = new Random(7);
        Write(collection, [], random, 400);
        string[] predicates =
        [
            "interfaceId = \"A\"",
            "key = \"key-B\"",
            "custom(fields(PayPalOrderId=\"C\"))",
            "customer(id=\"D\")",
            "paymentInfo(payments(id=\"E\"))",
            "lastModifiedAt >= \"2026-01-15T10:00:01.000Z\" and lastModifiedAt < \"2026-01-15T10:00:03.000Z\"",
            "interfaceId in (\"A\", \"B\") and lastModifiedAt > \"2026-01-15T10:00:00.000Z\"",
        ];
        foreach (var predicate in predicates)
        {
            var parameters = Parameters(predicate, []);
            parameters.Plan.ShouldNotBeNull(predicate);
            var candidates = collection.Candidates(parameters.Plan);
            candidates.Count.ShouldBeLessThan(collection.Count, predicate);
            candidates.Where(c => parameters.Matches(c.Body)).Select(c => c.Id)
                .ShouldBe(collection.All().Where(c => parameters.Matches(c.Body)).Select(c => c.Id), predicate);
        }
    }

    private static int Compare(ResourceCollection collection, (string Predicate, Dictionary<string, IReadOnlyList<string>> Variables) query)
    {
        var parameters = Parameters(query.Predicate, query.Variables);
        var scan = collection.All().Where(r => parameters.Matches(r.Body)).Select(r => r.Id).ToList();
        var indexed = collection.Candidates(parameters.Plan).Where(r => parameters.Matches(r.Body)).Select(r => r.Id).ToList();
        indexed.ShouldBe(scan, $"{query.Predicate} {string.Join(',', query.Variables.Select(v => v.Key + "=" + string.Join('|', v.Value)))}");
        return parameters.Plan is null ? 0 : 1;
    }

    private static QueryParameters Parameters(string predicate, Dictionary<string, IReadOnlyList<string>> variables) => new()
    {
        Where = [PredicateParser.Parse(predicate)],
        Sort = [],
        Limit = 500,
        Offset = 0,
        WithTotal = true,
        Variables = variables,
        Expand = [],
    };

    private static void Write(ResourceCollection collection, List<string> live, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            if (roll < 6 || live.Count == 0)
            {
                var id = Guid.NewGuid().ToString();
                collection.Insert(RandomDocument(random, id, 1));
                live.Add(id);
            }
            else if (roll < 9)
            {
                var id = live[random.Next(live.Count)];
                var current = collection.Get(id)!;
                collection.Replace(id, current.Version, RandomDocument(random, id, current.Version + 1));
            }
            else
            {
                var id = live[random.Next(live.Count)];
                collection.Delete(id, collection.Get(id)!.Version);
                live.Remove(id);
            }
        }
    }

    private static JsonObject RandomDocument(Random random, string id, long version)
    {
        var doc = new JsonObject { ["id"] = id, ["version"] = version, ["lastModifiedAt"] = Pick(random, Times) };
        if (random.Next(3) > 0)
        {
            doc["key"] = "key-" + Pick(random, Ids) + "-" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        }

        // Values of mixed kinds: a string, a number, a boolean, null, or missing.
        doc["interfaceId"] = random.Next(6) switch
        {
            0 => null,
            1 => JsonValue.Create(5),
            2 => JsonValue.Create(true),
            _ => JsonValue.Create(Pick(random, Ids)),
        };
        if (random.Next(4) > 0)
        {
            doc["custom"] = new JsonObject
            {
                ["type"] = new JsonObject { ["typeId"] = "type", ["id"] = "t" },
                ["fields"] = new JsonObject { ["PayPalOrderId"] = Pick(random, Ids), ["tags"] = new JsonArray(Pick(random, Ids), Pick(random, Ids)) },
            };
        }

        if (random.Next(2) == 0)
        {
            doc["customer"] = new JsonObject { ["typeId"] = "customer", ["id"] = Pick(random, Ids) };
        }

        var payments = new JsonArray();
        for (var i = random.Next(3); i > 0; i--)
        {
            payments.Add(new JsonObject { ["typeId"] = "payment", ["id"] = Pick(random, Ids) });
        }

        doc["paymentInfo"] = new JsonObject { ["payments"] = payments };
        return doc;
    }

    private static (string, Dictionary<string, IReadOnlyList<string>>) RandomQuery(Random random)
    {
        var variables = new Dictionary<string, IReadOnlyList<string>>();
        return (Expression(random, variables, 0), variables);
    }

    private static string Expression(Random random, Dictionary<string, IReadOnlyList<string>> variables, int depth)
    {
        var roll = depth >= 2 ? random.Next(9) : random.Next(13);
        return roll switch
        {
            0 => $"interfaceId = {Operand(random, variables)}",
            1 => $"interfaceId in ({Operand(random, variables)}, {Operand(random, variables)})",
            2 => $"custom(fields(PayPalOrderId = {Operand(random, variables)}))",
            3 => $"custom(fields(tags = {Operand(random, variables)}))",
            4 => $"customer(id = {Operand(random, variables)})",
            5 => $"paymentInfo(payments(id = {Operand(random, variables)}))",
            6 => $"lastModifiedAt {Pick(random, [">=", ">", "<", "<="])} \"{Pick(random, Times)}\"",
            7 => $"lastModifiedAt >= \"{Pick(random, Times)}\" and lastModifiedAt < \"{Pick(random, Times)}\"",
            8 => random.Next(2) == 0 ? $"key = \"key-{Pick(random, Ids)}\"" : "interfaceId is defined",
            9 => $"{Expression(random, variables, depth + 1)} and {Expression(random, variables, depth + 1)}",
            10 => $"({Expression(random, variables, depth + 1)} or {Expression(random, variables, depth + 1)})",
            11 => $"not({Expression(random, variables, depth + 1)})",
            _ => $"interfaceId != {Operand(random, variables)} and {Expression(random, variables, depth + 1)}",
        };
    }

    private static string Operand(Random random, Dictionary<string, IReadOnlyList<string>> variables)
    {
        switch (random.Next(5))
        {
            case 0:
                var name = "v" + variables.Count.ToString(CultureInfo.InvariantCulture);
                variables[name] = random.Next(2) == 0 ? [Pick(random, Ids)] : [Pick(random, Ids), Pick(random, Ids)];
                return ":" + name;
            case 1:
                return random.Next(2) == 0 ? "5" : "true";
            default:
                return $"\"{Pick(random, Ids)}\"";
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
