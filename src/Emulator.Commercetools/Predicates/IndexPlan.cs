using System.Globalization;

namespace Emulator.Commercetools.Predicates;

/// <summary>
/// Which documents a query can possibly match, as lookups in secondary indexes. A plan only narrows: it yields a
/// superset of the matching documents, and every candidate is still checked with <see cref="PredicateEvaluator"/>, so
/// an index-served query returns exactly what a scan returns.
/// </summary>
internal abstract record IndexPlan
{
    /// <summary>The plan for the ANDed <c>where</c> predicates, or null when they need a scan.</summary>
    public static IndexPlan? For(IReadOnlyList<Predicate> where, IReadOnlyDictionary<string, IReadOnlyList<string>> variables)
    {
        var parts = where.Select(w => Build(w, [], variables)).Where(p => p is not null).Select(p => p!).ToList();
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => new AllOfPlan(parts),
        };
    }

    private static IndexPlan? Build(Predicate predicate, string[] prefix, IReadOnlyDictionary<string, IReadOnlyList<string>> variables)
    {
        switch (predicate)
        {
            case AndPredicate and:
                var left = Build(and.Left, prefix, variables);
                var right = Build(and.Right, prefix, variables);
                return left is null ? right : right is null ? left : new AllOfPlan([left, right]);
            case OrPredicate or:
                var a = Build(or.Left, prefix, variables);
                var b = Build(or.Right, prefix, variables);
                return a is null || b is null ? null : new AnyOfPlan([a, b]);
            case NestedPredicate nested:
                return Build(nested.Inner, [.. prefix, nested.Field], variables);
            case ComparisonPredicate { Op: CompareOp.Eq } eq:
                return StringValues([eq.Value], variables) is { } values ? new EqualsPlan([.. prefix, eq.Field], values) : null;
            case InPredicate { Negated: false } @in:
                return StringValues(@in.Values, variables) is { } inValues ? new EqualsPlan([.. prefix, @in.Field], inValues) : null;
            case ComparisonPredicate { Op: CompareOp.Gt or CompareOp.Ge or CompareOp.Lt or CompareOp.Le } range:
                if (StringValues([range.Value], variables) is not [var bound])
                {
                    return null;
                }

                var path = (string[])[.. prefix, range.Field];
                return range.Op is CompareOp.Gt or CompareOp.Ge ? new RangePlan(path, bound, null) : new RangePlan(path, null, bound);
            default:
                return null;
        }
    }

    /// <summary>
    /// The operands as strings, when they can only ever equal string values: string literals, and variable values that a
    /// number or boolean field would not coerce (those need a scan).
    /// </summary>
    private static IReadOnlyList<string>? StringValues(IReadOnlyList<Operand> operands, IReadOnlyDictionary<string, IReadOnlyList<string>> variables)
    {
        var values = new List<string>();
        foreach (var operand in operands)
        {
            switch (operand.Kind)
            {
                case OperandKind.String:
                    values.Add(operand.Text!);
                    break;
                case OperandKind.Variable:
                    if (!variables.TryGetValue(operand.Text!, out var bound) || bound.Count == 0)
                    {
                        return null; // the evaluator reports the unbound variable
                    }

                    foreach (var value in bound)
                    {
                        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || bool.TryParse(value, out _))
                        {
                            return null;
                        }

                        values.Add(value);
                    }

                    break;
                default:
                    return null;
            }
        }

        return values;
    }
}

/// <summary>Documents with one of <see cref="Values"/> (ordinal) at <see cref="Path"/> (arrays on the way: any element).</summary>
internal sealed record EqualsPlan(string[] Path, IReadOnlyList<string> Values) : IndexPlan;

/// <summary>Documents with a string at <see cref="Path"/> between the bounds (inclusive here; the evaluator applies strictness).</summary>
internal sealed record RangePlan(string[] Path, string? From, string? To) : IndexPlan;

internal sealed record AllOfPlan(IReadOnlyList<IndexPlan> Parts) : IndexPlan;

internal sealed record AnyOfPlan(IReadOnlyList<IndexPlan> Parts) : IndexPlan;
