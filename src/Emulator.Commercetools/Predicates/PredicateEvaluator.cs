using System.Globalization;
using System.Text.Json;

namespace Emulator.Commercetools.Predicates;

/// <summary>
/// Evaluates a parsed predicate against a resource. A predicate on an array field matches when any element matches.
/// In strict mode (Extension trigger conditions) comparing or descending into a missing field throws
/// <see cref="PredicateFieldMissingException"/>, as commercetools fails with ExtensionPredicateEvaluationFailed.
/// </summary>
internal sealed class PredicateEvaluator(IReadOnlyDictionary<string, IReadOnlyList<string>> variables, bool strict)
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoVariables = new Dictionary<string, IReadOnlyList<string>>();

    public bool Evaluate(Predicate predicate, JsonElement context) => predicate switch
    {
        AndPredicate p => Evaluate(p.Left, context) && Evaluate(p.Right, context),
        OrPredicate p => Evaluate(p.Left, context) || Evaluate(p.Right, context),
        NotPredicate p => !Evaluate(p.Inner, context),
        NestedPredicate p => EvaluateNested(p, context),
        ComparisonPredicate p => EvaluateComparison(p, context),
        InPredicate p => EvaluateIn(p, context),
        ContainsPredicate p => EvaluateContains(p, context),
        DefinedPredicate p => TryGetField(context, p.Field, out _) != p.Negated,
        EmptyPredicate p => IsEmpty(context, p.Field) != p.Negated,
        WithinCirclePredicate => false,
        _ => throw new InvalidOperationException("Unknown predicate node."),
    };

    private static bool TryGetField(JsonElement context, string field, out JsonElement value)
    {
        if (context.ValueKind == JsonValueKind.Object && context.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    private JsonElement Require(JsonElement context, string field, out bool found)
    {
        found = TryGetField(context, field, out var value);
        if (!found && strict)
        {
            throw new PredicateFieldMissingException(field);
        }

        return value;
    }

    private bool EvaluateNested(NestedPredicate p, JsonElement context)
    {
        var value = Require(context, p.Field, out var found);
        if (!found)
        {
            return false;
        }

        return AnyElement(value, item => Evaluate(p.Inner, item));
    }

    private bool EvaluateComparison(ComparisonPredicate p, JsonElement context)
    {
        var value = Require(context, p.Field, out var found);
        if (!found)
        {
            return false;
        }

        return AnyElement(value, item => CompareMatches(item, p.Op, p.Value));
    }

    /// <summary>A condition on an array field holds when it holds for any element; on any other field, for its value.</summary>
    private static bool AnyElement(JsonElement value, Func<JsonElement, bool> holds) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Any(holds) : holds(value);

    private bool CompareMatches(JsonElement value, CompareOp op, Operand operand)
    {
        foreach (var candidate in Resolve(operand))
        {
            var cmp = Compare(value, candidate);
            if (cmp is null)
            {
                if (op == CompareOp.NotEq)
                {
                    return true;
                }

                continue;
            }

            var matches = op switch
            {
                CompareOp.Eq => cmp == 0,
                CompareOp.NotEq => cmp != 0,
                CompareOp.Lt => cmp < 0,
                CompareOp.Le => cmp <= 0,
                CompareOp.Gt => cmp > 0,
                CompareOp.Ge => cmp >= 0,
                _ => false,
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private bool EvaluateIn(InPredicate p, JsonElement context)
    {
        var value = Require(context, p.Field, out var found);
        if (!found)
        {
            return false;
        }

        var candidates = p.Values.SelectMany(Resolve).ToList();
        bool Contains(JsonElement element) => candidates.Any(c => Compare(element, c) == 0);

        return AnyElement(value, Contains) != p.Negated;
    }

    private bool EvaluateContains(ContainsPredicate p, JsonElement context)
    {
        // An unset set never matches (labd mock issue #436 threw here instead).
        if (!TryGetField(context, p.Field, out var value))
        {
            return false;
        }

        var elements = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var candidates = p.Values.SelectMany(Resolve).ToList();
        return p.All
            ? candidates.All(c => elements.Any(e => Compare(e, c) == 0))
            : candidates.Any(c => elements.Any(e => Compare(e, c) == 0));
    }

    private static bool IsEmpty(JsonElement context, string field)
    {
        if (!TryGetField(context, field, out var value))
        {
            return true;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.GetArrayLength() == 0,
            JsonValueKind.Object => !value.EnumerateObject().Any(),
            JsonValueKind.String => value.GetString()!.Length == 0,
            _ => false,
        };
    }

    private IEnumerable<Operand> Resolve(Operand operand)
    {
        if (operand.Kind != OperandKind.Variable)
        {
            return [operand];
        }

        if (!variables.TryGetValue(operand.Text!, out var values) || values.Count == 0)
        {
            throw new PredicateSemanticException($"No value given for the predicate variable '{operand.Text}' (expected query parameter 'var.{operand.Text}').");
        }

        return values.Select(v => Operand.Var(v));
    }

    /// <summary>Compares a JSON value with an operand; null when the kinds are not comparable. Variables coerce to the field's kind.</summary>
    private static int? Compare(JsonElement value, Operand operand)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return operand.Kind is OperandKind.String or OperandKind.Variable
                    ? string.CompareOrdinal(value.GetString(), operand.Text)
                    : null;
            case JsonValueKind.Number:
                var number = value.GetDecimal();
                if (operand.Kind == OperandKind.Number)
                {
                    return number.CompareTo(operand.Number);
                }

                if (operand.Kind == OperandKind.Variable && decimal.TryParse(operand.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return number.CompareTo(parsed);
                }

                return null;
            case JsonValueKind.True:
            case JsonValueKind.False:
                var b = value.ValueKind == JsonValueKind.True;
                if (operand.Kind == OperandKind.Boolean)
                {
                    return b == operand.Boolean ? 0 : (b ? 1 : -1);
                }

                if (operand.Kind == OperandKind.Variable && bool.TryParse(operand.Text, out var pb))
                {
                    return b == pb ? 0 : 1;
                }

                return null;
            default:
                return null;
        }
    }
}

internal sealed class PredicateFieldMissingException(string field) : Exception($"The compared field {field} is not present.")
{
    public string Field { get; } = field;
}

internal sealed class PredicateSemanticException(string message) : Exception(message);
