using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// What the FHIR API serves: read and type search of eight resource types, each searchable by the R4 search
/// parameters listed here (all references: a patient, or the encounter that is the visit). The CapabilityStatement
/// at <c>metadata</c> is made from this table, so it cannot promise what the endpoints do not do.
/// </summary>
public static class FhirCapabilities
{
    public static readonly IReadOnlyDictionary<string, string[]> SearchParameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [nameof(Appointment)] = ["patient"],
        [nameof(Encounter)] = ["patient", "subject"],
        [nameof(Observation)] = ["patient", "subject", "encounter"],
        [nameof(ServiceRequest)] = ["patient", "subject", "encounter"],
        [nameof(Specimen)] = ["patient", "subject"],
        [nameof(DiagnosticReport)] = ["patient", "subject", "encounter"],
        [nameof(Coverage)] = ["patient"],
        [nameof(Claim)] = ["patient"],
    };

    public static bool Serves(string resourceType) => SearchParameters.ContainsKey(resourceType);

    public static bool Searches(string resourceType, string parameter) =>
        SearchParameters.TryGetValue(resourceType, out var parameters) && parameters.Contains(parameter);

    public static CapabilityStatement Statement(string baseUrl, DateTimeOffset now) => new()
    {
        Status = PublicationStatus.Active,
        DateElement = new FhirDateTime(now),
        Publisher = "PatientFlow",
        Kind = CapabilityStatementKind.Instance,
        Implementation = new ImplementationComponent { Description = "PatientFlow tracking: each visit's events as FHIR R4 resources", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest =
        [
            new RestComponent
            {
                Mode = RestfulCapabilityMode.Server,
                Documentation = $"Read-only. A search returns its newest {FhirSearch.DefaultCount} matches (_count: up to {FhirSearch.MaxCount}) "
                    + "with the total; there are no further pages. Patient and practitioner are references only: no demographics are held here.",
                Security = new SecurityComponent { Description = "A bearer token with the integrator role and, for each resource type, its system/{type}.read scope; resources of the token's clinics only." },
                Resource = [.. SearchParameters.Select(type => Resource(type.Key, type.Value))],
            },
        ],
    };

    private static ResourceComponent Resource(string type, string[] parameters) => new()
    {
        Type = type,
        Interaction =
        [
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
        ],
        SearchParam = [.. parameters.Select(name => new CapabilityStatement.SearchParamComponent { Name = name, Type = SearchParamType.Reference })],
    };
}
