namespace PatientFlow.Tracking.Journeys;

/// <summary>The flow board's columns, in the order a visit moves through them.</summary>
public enum VisitStage
{
    Booked,
    Arrived,
    Roomed,
    IntakeDone,
    WithProvider,
    ProviderDone,
    LabPending,
    CheckedOut,
    ClaimCreated,
}
