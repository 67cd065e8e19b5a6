using System.Globalization;
using System.Text.Json;
using Emulator.Commercetools.Infrastructure;

namespace Emulator.Commercetools.Predicates;

/// <summary>Paging, sorting and filtering parameters of a commercetools query endpoint.</summary>
internal sealed class QueryParameters
{
    public required IReadOnlyList<Predicate> Where { get; init; }

    public required IReadOnlyList<(string[] Path, bool Descending)> Sort { get; init; }

    public required int Limit { get; init; }

    public required int Offset { get; init; }

    public required bool WithTotal { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Variables { get; init; }

    public required IReadOnlyList<string> Expand { get; init; }

    /// <summary>The secondary-index lookups that narrow the candidates of <see cref="Where"/> (null: scan).</summary>
    public IndexPlan? Plan => IndexPlan.For(Where, Variables);

    public static QueryParameters From(HttpRequest request)
    {
        var query = request.Query;
        var where = new List<Predicate>();
        foreach (var w in query["where"])
        {
            if (!string.IsNullOrWhiteSpace(w))
            {
                where.Add(ParsePredicate(w, "where"));
            }
        }

        var sort = new List<(string[], bool)>();
        foreach (var s in query["sort"])
        {
            if (string.IsNullOrWhiteSpace(s))
            {
                continue;
            }

            var parts = s.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (parts.Length > 2 || (parts.Length == 2 && !descending && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase)))
            {
                throw Errors.InvalidInput($"Malformed parameter: sort: Invalid sort expression '{s}'.");
            }

            sort.Add((parts[0].Split('.'), descending));
        }

        var variables = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, values) in query)
        {
            if (name.StartsWith("var.", StringComparison.Ordinal))
            {
                variables[name[4..]] = values.Where(v => v is not null).Select(v => v!).ToList();
            }
        }

        var limit = ReadInt(request, "limit", 20);
        if (limit is < 0 or > 500)
        {
            throw Errors.InvalidInput("Malformed parameter: limit: must be between 0 and 500.");
        }

        var offset = ReadInt(request, "offset", 0);
        if (offset is < 0 or > 10000)
        {
            throw Errors.InvalidInput("Malformed parameter: offset: must be between 0 and 10000.");
        }

        var withTotalRaw = query["withTotal"].ToString();
        var withTotal = string.IsNullOrEmpty(withTotalRaw) || !withTotalRaw.Equals("false", StringComparison.OrdinalIgnoreCase);

        return new QueryParameters
        {
            Where = where,
            Sort = sort,
            Limit = limit,
            Offset = offset,
            WithTotal = withTotal,
            Variables = variables,
            Expand = query["expand"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToList(),
        };
    }

    public static Predicate ParsePredicate(string text, string parameter)
    {
        try
        {
            return PredicateParser.Parse(text);
        }
        catch (PredicateSyntaxException ex)
        {
            throw Errors.SyntaxError($"Malformed parameter: {parameter}: Syntax error while parsing '{parameter}'. {ex.Message}");
        }
    }

    private static int ReadInt(HttpRequest request, string name, int fallback)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Errors.InvalidInput($"Malformed parameter: {name}: '{raw}' is not a number.");
    }

    public bool Matches(JsonElement resource)
    {
        if (Where.Count == 0)
        {
            return true;
        }

        var evaluator = new PredicateEvaluator(Variables, strict: false);
        try
        {
            return Where.All(w => evaluator.Evaluate(w, resource));
        }
        catch (PredicateSemanticException ex)
        {
            throw new CtException(400, Errors.Error("SemanticError", ex.Message));
        }
    }

    public IEnumerable<JsonElement> ApplySort(IEnumerable<JsonElement> items)
    {
        if (Sort.Count == 0)
        {
            return items;
        }

        IOrderedEnumerable<JsonElement>? ordered = null;
        foreach (var (path, descending) in Sort)
        {
            Func<JsonElement, JsonElement?> selector = e => Navigate(e, path);
            var comparer = new SortValueComparer();
            ordered = ordered is null
                ? (descending ? items.OrderByDescending(selector, comparer) : items.OrderBy(selector, comparer))
                : (descending ? ordered.ThenByDescending(selector, comparer) : ordered.ThenBy(selector, comparer));
        }

        return ordered!;
    }

    private static JsonElement? Navigate(JsonElement element, string[] path)
    {
        var current = element;
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    private sealed class SortValueComparer : IComparer<JsonElement?>
    {
        public int Compare(JsonElement? x, JsonElement? y)
        {
            if (x is null || y is null)
            {
                // Missing values sort last in ascending order.
                return x is null ? (y is null ? 0 : 1) : -1;
            }

            var a = x.Value;
            var b = y.Value;
            if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
            {
                return a.GetDecimal().CompareTo(b.GetDecimal());
            }

            if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String)
            {
                return string.CompareOrdinal(a.GetString(), b.GetString());
            }

            return string.CompareOrdinal(a.GetRawText(), b.GetRawText());
        }
    }
}
