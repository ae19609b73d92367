namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// How far one of tracking's own feed readers (webhook fan-out, HL7 sender, Dapr publisher) has got: it resumes
/// after <see cref="Position"/> when it restarts or moves to another instance.
/// </summary>
public sealed record FeedCursor(string Id, long Position, DateTimeOffset UpdatedAt);
