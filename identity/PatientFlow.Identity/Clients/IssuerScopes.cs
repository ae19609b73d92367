namespace PatientFlow.Identity.Clients;

/// <summary>The scopes the issuer knows. A client is granted a subset of them; a request for any other is refused.</summary>
public static class IssuerScopes
{
    /// <summary>Staff using PatientFlow's APIs through the pages or tools; what they may do is their roles and clinics.</summary>
    public const string Api = "patientflow";

    /// <summary>The integrator feed with ids and stages only.</summary>
    public const string FeedIds = "feed.ids";

    /// <summary>The integrator feed with clinical values (vitals, results, diagnoses).</summary>
    public const string FeedClinical = "feed.clinical";

    public const string Webhooks = "webhooks";

    public const string Hl7 = "hl7";

    /// <summary>FHIR resources, SMART backend-services style.</summary>
    public static readonly string[] Fhir =
    [
        "system/Patient.read", "system/Encounter.read", "system/Observation.read", "system/DiagnosticReport.read",
        "system/ServiceRequest.read", "system/Coverage.read", "system/Claim.read",
    ];

    public static readonly string[] All =
    [
        OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.OfflineAccess,
        Api, FeedIds, FeedClinical, Webhooks, Hl7, .. Fhir,
    ];
}
