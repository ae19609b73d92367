namespace PatientFlow.Platform.Audit;

/// <summary>What a request did with protected health information; stored as its lower-case name.</summary>
public enum AuditAction
{
    Read,
    Search,
    Export,
    Disclosure,
    Create,
    Update,
    Delete,
    SignIn,
}

/// <summary>How the request ended: served, refused (401, 403, 404) or failed (any other 4xx or 5xx, a failed sign-in).</summary>
public enum AuditOutcome
{
    Success,
    Refused,
    Failed,
}
