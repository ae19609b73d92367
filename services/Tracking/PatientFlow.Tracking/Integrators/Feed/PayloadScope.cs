namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>How much of an event's data a subscriber receives.</summary>
public enum PayloadScope
{
    /// <summary>Identifiers and times only: which visit, patient, order or claim, and when. No clinical values.</summary>
    Ids,

    /// <summary>The whole event as its producer published it: the minimum a clinical integration needs.</summary>
    Clinical,
}
