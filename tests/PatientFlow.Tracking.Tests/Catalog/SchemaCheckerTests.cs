using System.Text.Json.Nodes;

namespace PatientFlow.Tracking.Tests.Catalog;

/// <summary>The catalog's example tests are only as good as the checker: it must reject what breaks a schema.</summary>
public class SchemaCheckerTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {
          "schemas": {
            "visit": {
              "type": "object",
              "properties": {
                "visitId": { "type": "string", "format": "uuid" },
                "at": { "type": "string", "format": "date-time" },
                "on": { "type": ["string", "null"], "format": "date" },
                "units": { "type": "integer" },
                "kind": { "type": "string", "enum": ["a", "b"] },
                "codes": { "type": "array", "items": { "type": "string", "pattern": "^[0-9]+$" } }
              },
              "required": ["visitId", "at", "units"]
            },
            "envelope": { "allOf": [ { "properties": { "type": { "const": "x" } } }, { "properties": { "data": { "$ref": "#/schemas/visit" } } } ] }
          }
        }
        """)!;

    private const string Valid = """{ "visitId": "0195a1d2-3c4b-7e8f-9a0b-1c2d3e4f5a6b", "at": "2026-03-02T09:15:00-05:00", "on": null, "units": 2, "kind": "a", "codes": ["12"] }""";

    [Fact]
    public void GivenConformingInstance_WhenChecked_ThenNoErrors() =>
        Check(Valid, "visit").Should().BeEmpty();

    [Theory]
    [InlineData("""{ "at": "2026-03-02T09:15:00-05:00", "units": 2 }""", "required property visitId is missing")]
    [InlineData("""{ "visitId": "not-a-guid", "at": "2026-03-02T09:15:00-05:00", "units": 2 }""", "not a valid uuid")]
    [InlineData("""{ "visitId": "0195a1d2-3c4b-7e8f-9a0b-1c2d3e4f5a6b", "at": "2026-03-02 09:15", "units": 2 }""", "not a valid date-time")]
    [InlineData("""{ "visitId": "0195a1d2-3c4b-7e8f-9a0b-1c2d3e4f5a6b", "at": "2026-03-02T09:15:00Z", "units": 2.5 }""", "is not of type \"integer\"")]
    [InlineData("""{ "visitId": "0195a1d2-3c4b-7e8f-9a0b-1c2d3e4f5a6b", "at": "2026-03-02T09:15:00Z", "units": "2" }""", "is not of type \"integer\"")]
    [InlineData("""{ "visitId": "0195a1d2-3c4b-7e8f-9a0b-1c2d3e4f5a6b", "at": "2026-03-02T09:15:00Z", "units": 2, "kind": "c" }""", "is not one of")]
    [InlineData("""{ "visitId": "0195a1d2-3c4b-7e8f-9a0b-1c2d3e4f5a6b", "at": "2026-03-02T09:15:00Z", "units": 2, "codes": ["x1"] }""", "$.codes[0]: \"x1\" does not match")]
    [InlineData("""{ "visitId": "0195a1d2-3c4b-7e8f-9a0b-1c2d3e4f5a6b", "at": "2026-03-02T09:15:00Z", "units": 2, "on": "02/03/2026" }""", "not a valid date")]
    public void GivenBrokenInstance_WhenChecked_ThenTheErrorNamesIt(string instance, string error) =>
        Check(instance, "visit").Should().ContainSingle().Which.Should().Contain(error);

    [Fact]
    public void GivenEnvelopeWithWrongTypeAndBrokenData_WhenChecked_ThenBothReported() =>
        Check("""{ "type": "y", "data": { "units": 1 } }""", "envelope").Should().HaveCount(3)
            .And.Contain(error => error.Contains("is not the constant"))
            .And.Contain(error => error.StartsWith("$.data: required property visitId"));

    [Fact]
    public void GivenUnresolvableReferenceOrUnknownFormat_WhenChecked_ThenErrors()
    {
        var checker = new SchemaChecker(Document);

        checker.Check(JsonNode.Parse("1"), JsonNode.Parse("""{ "$ref": "#/schemas/missing" }""")).Should().ContainSingle();
        checker.Check(JsonNode.Parse("\"x\""), JsonNode.Parse("""{ "type": "string", "format": "email" }""")).Should().ContainSingle();
        checker.Check(JsonNode.Parse("\"x\""), JsonNode.Parse("""{ "anyOf": [ { "type": "integer" }, { "type": "boolean" } ] }""")).Should().ContainSingle();
    }

    private static IReadOnlyList<string> Check(string instance, string schema) =>
        new SchemaChecker(Document).Check(JsonNode.Parse(instance), Document["schemas"]![schema]);
}
