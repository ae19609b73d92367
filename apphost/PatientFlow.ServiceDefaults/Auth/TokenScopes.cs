namespace PatientFlow.ServiceDefaults.Auth;

/// <summary>
/// The scopes a client may be granted (claim <c>scope</c>, space-separated). Staff sign in with <see cref="Api"/>: what
/// they may do is their roles and clinics. Integrators get exactly the channels and detail granted to their client.
/// </summary>
public static class TokenScopes
{
    /// <summary>Staff using PatientFlow's APIs through the pages or tools.</summary>
    public const string Api = "patientflow";

    /// <summary>The integrator feed (REST, SSE, gRPC) with ids and stages only.</summary>
    public const string FeedIds = "feed.ids";

    /// <summary>The integrator feed with clinical values (vitals, results, diagnoses, chief complaint).</summary>
    public const string FeedClinical = "feed.clinical";

    /// <summary>Webhook subscriptions of the client's own.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>HL7 v2 messages.</summary>
    public const string Hl7 = "hl7";

    /// <summary>FHIR resources, SMART backend-services style: one read scope per resource type.</summary>
    public static string FhirRead(string resourceType) => $"system/{resourceType}.read";

    public static readonly string[] Fhir =
    [
        FhirRead("Patient"), FhirRead("Encounter"), FhirRead("Observation"), FhirRead("DiagnosticReport"),
        FhirRead("ServiceRequest"), FhirRead("Coverage"), FhirRead("Claim"), FhirRead("Appointment"), FhirRead("Specimen"),
    ];

    /// <summary>Every scope an integrator can be granted.</summary>
    public static readonly string[] Integrator = [FeedIds, FeedClinical, Webhooks, Hl7, .. Fhir];
}
