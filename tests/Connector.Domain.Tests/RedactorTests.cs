using System.Text.Json.Nodes;

namespace Connector.Domain.Tests;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("""{"number":"4111111111111111"}""", """{"number":"************1111"}""")]
    [InlineData("""{"number":"4111 1111 1111 1111"}""", """{"number":"************1111"}""")]
    [InlineData("""{"number":4111111111111111}""", """{"number":"************1111"}""")]
    [InlineData("""{"NUMBER":"378282246310005"}""", """{"NUMBER":"***********0005"}""")]
    [InlineData("""{"number":"12"}""", """{"number":"****"}""")]
    [InlineData("""{"security_code":"123"}""", """{"security_code":"****"}""")]
    [InlineData("""{"cvv":"123","CVC":123}""", """{"cvv":"****","CVC":"****"}""")]
    [InlineData("""{"access_token":"A21AA","id_token":"eyJ","client_token":"ct","token":"t"}""", """{"access_token":"****","id_token":"****","client_token":"****","token":"****"}""")]
    [InlineData("""{"Password":"hunter2","client_secret":"s3cr3t"}""", """{"Password":"****","client_secret":"****"}""")]
    [InlineData("""{"birth_date":"1990-01-01"}""", """{"birth_date":"****"}""")]
    [InlineData("""{"phone":{"national_number":"6912345678","country_code":"49"}}""", """{"phone":{"national_number":"****","country_code":"****"}}""")]
    [InlineData("""{"payer":{"phone":{"phone_type":"MOBILE","phone_number":{"national_number":"4085551234"}}}}""", """{"payer":{"phone":{"phone_type":"****","phone_number":{"national_number":"****"}}}}""")]
    [InlineData("""{"national_number":"4085551234"}""", """{"national_number":"****"}""")]
    [InlineData("""{"token":{"id":"B-123","type":"BILLING_AGREEMENT"}}""", """{"token":{"id":"****","type":"****"}}""")]
    [InlineData("""{"token":null}""", """{"token":null}""")]
    [InlineData("""{"cvv":true}""", """{"cvv":"****"}""")]
    [InlineData("""{"tokens":["a","b"],"id":"5O190127TN364715T"}""", """{"tokens":["a","b"],"id":"5O190127TN364715T"}""")]
    [InlineData("""[{"card":{"number":"4111111111111111","expiry":"2030-12","security_code":"999","name":"Jo"}}]""", """[{"card":{"number":"************1111","expiry":"2030-12","security_code":"****","name":"Jo"}}]""")]
    [InlineData("""{"payment_source":{"card":{"number":"5555555555554444"}},"amount":{"value":"10.00"}}""", """{"payment_source":{"card":{"number":"************4444"}},"amount":{"value":"10.00"}}""")]
    [InlineData("""{"phone":["123","456"]}""", """{"phone":["****","****"]}""")]
    [InlineData("""{"status":"COMPLETED"}""", """{"status":"COMPLETED"}""")]
    [InlineData("\"plain\"", "\"plain\"")]
    [InlineData("42", "42")]
    public void Sensitive_values_are_masked_at_any_depth(string input, string expected) =>
        Redactor.Redact(JsonNode.Parse(input))!.ToJsonString().ShouldBe(JsonNode.Parse(expected)!.ToJsonString());

    [Fact]
    public void Null_stays_null() => Redactor.Redact(null).ShouldBeNull();

    [Theory]
    [InlineData("""{"card":{"number":"4111111111111111","name":null,"billing":{"x":null}},"phone":{},"id":"O-1"}""")]
    [InlineData("""[null,{},{"token":{"id":null,"type":"T"}},{"cvv":null},1]""")]
    [InlineData("""{"a":null}""")]
    [InlineData("""{"payer":{"phone":{"phone_number":{"national_number":4085551234}}},"links":[{"href":"h","title":null}]}""")]
    public void Redacting_while_cleaning_in_one_pass_equals_cleaning_then_redacting(string input)
    {
        var element = System.Text.Json.JsonElement.Parse(input);
        var twoSteps = Redactor.Redact(JsonCleaner.StripNullsAndEmpty(JsonNode.Parse(input)))!.ToJsonString();
        Redactor.Redact(element, clean: true).ShouldBe(twoSteps);
        Redactor.Redact(element, clean: false).ShouldBe(Redactor.Redact(JsonNode.Parse(input))!.ToJsonString());
    }

    [Fact]
    public void The_one_pass_form_writes_text_the_way_the_node_form_does()
    {
        // Same escaping as JsonNode.ToJsonString: the stored field and the logged copy must not differ in encoding.
        const string input = """{"name":"Müller & <Söhne>","note":"a\u0022b","amount":1.50}""";
        Redactor.Redact(System.Text.Json.JsonElement.Parse(input), clean: false).ShouldBe(JsonNode.Parse(input)!.ToJsonString());
        JsonCleaner.StripNullsAndEmpty(System.Text.Json.JsonElement.Parse(input)).ShouldBe(JsonNode.Parse(input)!.ToJsonString());
    }

    [Fact]
    public void The_input_is_not_modified()
    {
        var input = JsonNode.Parse("""{"card":{"number":"4111111111111111"}}""")!;
        var redacted = Redactor.Redact(input)!;
        input["card"]!["number"]!.GetValue<string>().ShouldBe("4111111111111111");
        redacted["card"]!["number"]!.GetValue<string>().ShouldBe("************1111");
        ReferenceEquals(input["card"], redacted["card"]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("card 4111111111111111 declined", "card ************1111 declined")]
    [InlineData("card 4111 1111 1111 1111 declined", "card ************1111 declined")]
    [InlineData("card 4111-1111-1111-1111.", "card ************1111.")]
    [InlineData("amex 378282246310005", "amex ***********0005")]
    [InlineData("19 digits 4111111111111111110", "19 digits ***************1110")]
    [InlineData("20 digits 41111111111111111100 stay", "20 digits 41111111111111111100 stay")]
    [InlineData("11 digits 41111111111 stay", "11 digits 41111111111 stay")]
    [InlineData("payment 9f3c2a1e-5b7d-4e2f-8a6c-123456789012 stays", "payment 9f3c2a1e-5b7d-4e2f-8a6c-123456789012 stays")]
    [InlineData("capture 3C679366HH908993F stays", "capture 3C679366HH908993F stays")]
    [InlineData("order ABC123456789012345 stays", "order ABC123456789012345 stays")]
    [InlineData("at 2026-11-23T11:00:00Z", "at 2026-11-23T11:00:00Z")]
    [InlineData("", "")]
    public void Free_text_card_numbers_are_masked(string input, string expected) =>
        Redactor.RedactText(input).ShouldBe(expected);

    // Names are matched on their raw UTF-8 bytes when they hold no escape sequence; escaped names are decoded first,
    // so spelling a sensitive key with \u escapes does not get its value past the mask.
    [Theory]
    [InlineData("""{"ph\u006fne":"4085551234"}""", """{"phone":"****"}""")]
    [InlineData("""{"\u006e\u0075\u006d\u0062\u0065\u0072":"4111111111111111"}""", """{"number":"************1111"}""")]
    [InlineData("""{"\u0070\u0068\u006f\u006e\u0065\u005f\u006e\u0075\u006d\u0062\u0065\u0072":"1"}""", """{"phone_number":"****"}""")]
    [InlineData("""{"Numéro":"4111111111111111","a_name_much_longer_than_any_sensitive_key":"4111"}""", """{"Numéro":"4111111111111111","a_name_much_longer_than_any_sensitive_key":"4111"}""")]
    [InlineData("""{"say \"hi\"":{"cvv":"1"}}""", """{"say \"hi\"":{"cvv":"****"}}""")]
    public void Raw_and_escaped_names_are_matched_alike(string input, string expected) =>
        JsonNode.Parse(Redactor.Redact(System.Text.Json.JsonElement.Parse(input), clean: false))!.ToJsonString()
            .ShouldBe(JsonNode.Parse(expected)!.ToJsonString());
}
