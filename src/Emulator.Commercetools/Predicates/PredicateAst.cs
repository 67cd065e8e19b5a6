namespace Emulator.Commercetools.Predicates;

internal abstract record Predicate;

internal sealed record AndPredicate(Predicate Left, Predicate Right) : Predicate;

internal sealed record OrPredicate(Predicate Left, Predicate Right) : Predicate;

internal sealed record NotPredicate(Predicate Inner) : Predicate;

/// <summary><c>field(inner)</c>: descends into an object, or into every element of an array (any match).</summary>
internal sealed record NestedPredicate(string Field, Predicate Inner) : Predicate;

internal enum CompareOp
{
    Eq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
}

internal sealed record ComparisonPredicate(string Field, CompareOp Op, Operand Value) : Predicate;

internal sealed record InPredicate(string Field, bool Negated, IReadOnlyList<Operand> Values) : Predicate;

internal sealed record ContainsPredicate(string Field, bool All, IReadOnlyList<Operand> Values) : Predicate;

internal sealed record DefinedPredicate(string Field, bool Negated) : Predicate;

internal sealed record EmptyPredicate(string Field, bool Negated) : Predicate;

internal sealed record WithinCirclePredicate(string Field, decimal Longitude, decimal Latitude, decimal Radius) : Predicate;

internal enum OperandKind
{
    String,
    Number,
    Boolean,
    Variable,
}

internal sealed record Operand(OperandKind Kind, string? Text, decimal Number, bool Boolean)
{
    public static Operand Str(string s) => new(OperandKind.String, s, 0, false);

    public static Operand Num(decimal n) => new(OperandKind.Number, null, n, false);

    public static Operand Bool(bool b) => new(OperandKind.Boolean, null, 0, b);

    public static Operand Var(string name) => new(OperandKind.Variable, name, 0, false);
}
