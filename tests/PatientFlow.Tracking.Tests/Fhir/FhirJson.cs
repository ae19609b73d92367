using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace PatientFlow.Tracking.Tests.Fhir;

/// <summary>
/// What a receiver gets: the resource written by Firely's JSON serializer and read back by its strict
/// deserializer, which rejects ids, cardinalities and values FHIR R4 does not allow.
/// </summary>
internal static class FhirJson
{
    public static T RoundTrip<T>(T? resource) where T : Resource
    {
        resource.Should().NotBeNull();
        var json = FhirJsonSerializer.Default.SerializeToString(resource!);
        return FhirJsonDeserializer.STRICT.Deserialize<T>(json) ?? throw new InvalidOperationException("parsed to nothing");
    }

    public static string Json(Resource resource) => FhirJsonSerializer.Default.SerializeToString(resource);

    public static DateTimeOffset Time(DataType? value) => ((FhirDateTime)value!).ToDateTimeOffset(TimeSpan.Zero);

    public static DateTimeOffset? Time(FhirDateTime? value) => value?.ToDateTimeOffset(TimeSpan.Zero);

    public static string? Code(CodeableConcept concept) => concept.Coding.Single().Code;
}
