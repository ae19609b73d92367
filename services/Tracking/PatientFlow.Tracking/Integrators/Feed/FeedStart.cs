namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>Where one of tracking's own feed readers starts the first time it runs, before it has a cursor.</summary>
public enum FeedStart
{
    /// <summary>At the current end of the log: an interface set up today does not receive years of history.</summary>
    End,

    /// <summary>At the first event of the log: the whole history is delivered, in order.</summary>
    Beginning,
}
