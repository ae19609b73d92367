using System.Text.Json.Nodes;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Tracking.Integrators.Catalog;

namespace PatientFlow.Tracking.Tests.Catalog;

public class ContractSchemasTests
{
    /// <summary>A recursive record: the exporter can only describe it with a reference back to itself.</summary>
    public sealed record Step(string Name, Step? Next);

    [Fact]
    public void GivenRecursiveRecord_WhenExported_ThenItsReferencePointsAtItsPlaceInTheDocument()
    {
        var document = new JsonObject
        {
            ["components"] = new JsonObject { ["schemas"] = new JsonObject { ["step"] = ContractSchemas.Clinical(typeof(Step), "#/components/schemas/step") } },
        };
        var references = document.ToJsonString().Split("\"$ref\":\"").Skip(1).Select(rest => rest[..rest.IndexOf('"')]).ToArray();

        references.Should().NotBeEmpty().And.AllSatisfy(reference => reference.Should().StartWith("#/components/schemas/step"));
        references.Should().AllSatisfy(reference => new SchemaChecker(document).Resolve(reference).Should().NotBeNull());
    }

    [Fact]
    public void GivenLabResultSchema_WhenIdsScoped_ThenOnlyIdAndTimePropertiesAndTheirRequirements()
    {
        var clinical = ContractSchemas.Clinical(typeof(LabResultRecorded), "#/components/schemas/lab.lab-result-recorded.v1");

        var ids = ContractSchemas.Ids(clinical);

        ids["properties"]!.AsObject().Select(property => property.Key).Should().Equal(
            "eventId", "visitId", "patientId", "occurredAt", "recordedAt", "orderId", "accessionId");
        ids["required"]!.AsArray().Select(name => name!.GetValue<string>()).Should().Equal(
            "eventId", "visitId", "patientId", "occurredAt", "recordedAt", "orderId");
        clinical["properties"]!["value"].Should().NotBeNull("scoping copies, it does not change the clinical schema");
    }
}
