using System.Text.Json;
using Emulator.Commercetools.Predicates;

namespace Emulator.Commercetools.Tests.Predicates;

public sealed class PredicateTests
{
    private const string Payment = """
        {"id":"p1","key":"order-1","version":3,"amountPlanned":{"currencyCode":"EUR","centAmount":1000},
         "paymentMethodInfo":{"paymentInterface":"paypal","method":"card"},
         "transactions":[{"id":"t1","type":"Authorization","state":"Success"},{"id":"t2","type":"Charge","state":"Pending"}],
         "tags":["a","b","c"], "emptyList":[],
         "custom":{"type":{"typeId":"type","id":"x"},"fields":{"PayPalOrderId":"ORDER-1","createPayPalOrderRequest":"{}"}}}
        """;

    private static bool Eval(string predicate, Dictionary<string, IReadOnlyList<string>>? vars = null, bool strict = false)
    {
        using var doc = JsonDocument.Parse(Payment);
        return new PredicateEvaluator(vars ?? [], strict).Evaluate(PredicateParser.Parse(predicate), doc.RootElement);
    }

    [Theory]
    [InlineData("id = \"p1\"", true)]
    [InlineData("id=\"p1\"", true)]
    [InlineData("id != \"p1\"", false)]
    [InlineData("id <> \"p2\"", true)]
    [InlineData("version > 2", true)]
    [InlineData("version >= 4", false)]
    [InlineData("version < 4 and version <= 3", true)]
    [InlineData("key in (\"order-1\", \"order-2\")", true)]
    [InlineData("key not in (\"order-1\")", false)]
    [InlineData("tags contains any (\"x\", \"b\")", true)]
    [InlineData("tags contains all (\"a\", \"c\")", true)]
    [InlineData("tags contains all (\"a\", \"z\")", false)]
    [InlineData("missing contains any (\"a\")", false)]
    [InlineData("tags = \"b\"", true)]
    [InlineData("emptyList is empty", true)]
    [InlineData("tags is not empty", true)]
    [InlineData("custom is defined", true)]
    [InlineData("anonymousId is not defined", true)]
    [InlineData("custom(fields(PayPalOrderId = \"ORDER-1\"))", true)]
    [InlineData("custom(fields(createPayPalOrderRequest is defined))", true)]
    [InlineData("custom(fields(captureRequest is defined))", false)]
    [InlineData("paymentMethodInfo(paymentInterface = \"paypal\")", true)]
    [InlineData("transactions(state = \"Pending\")", true)]
    [InlineData("transactions(type = \"Charge\" and state = \"Success\")", false)]
    [InlineData("transactions(type = \"Authorization\" and state = \"Success\")", true)]
    [InlineData("not(id = \"p1\")", false)]
    [InlineData("id = \"x\" or id = \"p1\"", true)]
    [InlineData("id = \"x\" OR (version = 3 AND key = \"order-1\")", true)]
    [InlineData("id = \"p1\" And Not(key = \"order-1\")", false)]
    [InlineData("amountPlanned(centAmount = 1000 and currencyCode = \"EUR\")", true)]
    [InlineData("custom is defined AND custom(fields is defined) AND (custom(fields(captureRequest is defined)) or custom(fields(createPayPalOrderRequest is defined)))", true)]
    public void Predicates_evaluate_like_commercetools(string predicate, bool expected) => Eval(predicate).ShouldBe(expected);

    [Fact]
    public void Variables_are_bound_from_var_parameters()
    {
        var vars = new Dictionary<string, IReadOnlyList<string>> { ["keys"] = ["order-9", "order-1"], ["v"] = ["3"] };
        Eval("key in :keys", vars).ShouldBeTrue();
        Eval("key in (:keys)", vars).ShouldBeTrue();
        Eval("version = :v", vars).ShouldBeTrue();
        Should.Throw<PredicateSemanticException>(() => Eval("key = :nope", vars));
    }

    [Theory]
    [InlineData("id = ")]
    [InlineData("id = \"unterminated")]
    [InlineData("(id = \"a\"")]
    [InlineData("id \"a\"")]
    [InlineData("id = \"a\" and")]
    [InlineData("")]
    [InlineData("id is nothing")]
    [InlineData("id = \"a\" \"b\"")]
    public void Malformed_predicates_are_syntax_errors(string predicate) =>
        Should.Throw<PredicateSyntaxException>(() => PredicateParser.Parse(predicate));

    [Fact]
    public void Strict_mode_fails_on_comparing_a_missing_field_but_not_on_is_defined()
    {
        Should.Throw<PredicateFieldMissingException>(() => Eval("custom(fields(captureRequest = \"x\"))", strict: true));
        Should.Throw<PredicateFieldMissingException>(() => Eval("paymentStatus(interfaceCode = \"x\")", strict: true));
        Eval("custom(fields(captureRequest is defined))", strict: true).ShouldBeFalse();
        Eval("anonymousId is not defined", strict: true).ShouldBeTrue();
    }
}
