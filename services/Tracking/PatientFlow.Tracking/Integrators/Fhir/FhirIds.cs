using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// Resource ids and references, each derived from the events alone: the same event names the same
/// resource on every build and every redelivery, so a resource id can be indexed to its visit.
/// </summary>
public static partial class FhirIds
{
    /// <summary>The visit's Appointment and Encounter share the visit id.</summary>
    public static string Visit(Guid visitId) => visitId.ToString("D");

    /// <summary>A vital sign: the recording event and the observation's index in its list.</summary>
    public static string VitalSign(Guid vitalsEventId, int index) => $"{vitalsEventId:N}.{index}";

    /// <summary>A lab result: the event that recorded it; amendments keep the id.</summary>
    public static string LabResult(Guid resultEventId) => resultEventId.ToString("N");

    /// <summary>Orders, referrals, specimens, reports, claims and coverages keep their PatientFlow id.</summary>
    public static string Of(Guid id) => id.ToString("D");

    public static string Reference(string resourceType, string id) => $"{resourceType}/{id}";

    public static ResourceReference To(string resourceType, string id) => new(Reference(resourceType, id));

    // Tracking holds no demographics: a patient is only ever a reference.
    public static ResourceReference Patient(Guid patientId) => To("Patient", Of(patientId));

    public static ResourceReference Practitioner(Guid providerId) => To("Practitioner", Of(providerId));

    public static ResourceReference Encounter(Guid visitId) => To(nameof(global::Hl7.Fhir.Model.Encounter), Visit(visitId));

    public static ResourceReference LabOrder(Guid orderId) => To(nameof(ServiceRequest), Of(orderId));

    /// <summary>
    /// PatientFlow has no Location resources: the clinic (and room) codes make a readable logical id,
    /// with anything a FHIR id may not hold replaced by a dash.
    /// </summary>
    public static ResourceReference Location(string clinic, string? room)
    {
        var id = room is null ? IdSafe(clinic) : $"{IdSafe(clinic)}.{IdSafe(room)}";
        return new ResourceReference(Reference(nameof(global::Hl7.Fhir.Model.Location), id[..Math.Min(id.Length, 64)]),
            room is null ? clinic : $"{room}, {clinic}");
    }

    private static string IdSafe(string code) => code.Trim() is "" ? "-" : NotIdCharacters().Replace(code.Trim(), "-");

    [GeneratedRegex("[^A-Za-z0-9\\-.]")]
    private static partial Regex NotIdCharacters();
}
