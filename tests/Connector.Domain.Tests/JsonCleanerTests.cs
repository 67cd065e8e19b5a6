using System.Text.Json.Nodes;

namespace Connector.Domain.Tests;

public sealed class JsonCleanerTests
{
    [Theory]
    [InlineData("""{"a":1,"b":null}""", """{"a":1}""")]
    [InlineData("""{"a":{},"b":2}""", """{"b":2}""")]
    [InlineData("""{"a":{"b":{"c":null}},"d":"x"}""", """{"d":"x"}""")]
    [InlineData("""{"a":[],"b":"","c":0,"d":false}""", """{"a":[],"b":"","c":0,"d":false}""")]
    [InlineData("""{"a":[null,{},{"x":null},1,{"y":2}]}""", """{"a":[1,{"y":2}]}""")]
    [InlineData("""{"a":[[null]]}""", """{"a":[[]]}""")]
    [InlineData("""{"a":null}""", """{}""")]
    [InlineData("""{}""", """{}""")]
    [InlineData("""[null,1]""", """[1]""")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("""{"id":"5O1","status":"CREATED","payer":{"name":{}},"links":[{"href":"h","rel":"self","method":"GET","title":null}]}""", """{"id":"5O1","status":"CREATED","links":[{"href":"h","rel":"self","method":"GET"}]}""")]
    public void Nulls_and_empty_objects_are_removed_recursively(string input, string expected) =>
        JsonCleaner.StripNullsAndEmpty(JsonNode.Parse(input))!.ToJsonString().ShouldBe(JsonNode.Parse(expected)!.ToJsonString());

    [Fact]
    public void Null_stays_null() => JsonCleaner.StripNullsAndEmpty(null).ShouldBeNull();

    [Fact]
    public void The_input_is_not_modified()
    {
        var input = JsonNode.Parse("""{"a":null,"b":{}}""")!;
        JsonCleaner.StripNullsAndEmpty(input);
        input.ToJsonString().ShouldBe("""{"a":null,"b":{}}""");
    }

    // Property names are copied from the parsed bytes; escaped and non-ASCII names come out as the serializer writes them.
    [Theory]
    [InlineData("""{"say \"hi\"":1,"Grüße":"x","gone":null,"\u0041":{"b":null}}""", """{"say \"hi\"":1,"Grüße":"x"}""")]
    [InlineData("""{"\u0041\u0042":[{"x":1}]}""", """{"AB":[{"x":1}]}""")]
    public void Names_are_written_as_the_serializer_writes_them(string input, string expected) =>
        JsonCleaner.StripNullsAndEmpty(System.Text.Json.JsonElement.Parse(input))
            .ShouldBe(JsonNode.Parse(expected)!.ToJsonString());
}
