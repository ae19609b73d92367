namespace PatientFlow.ServiceDefaults.Problems;

/// <summary>
/// What a decider throws when a command cannot be accepted. Each maps to one HTTP status with
/// RFC 9457 problem details; none of them ever leaves anything half-written, because deciders
/// throw before anything is appended.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>A field's value is impossible or malformed: 422 naming the field.</summary>
public sealed class InvalidFieldException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The state of the target forbids the command, or a competing command won: 409. <see cref="Kind"/> and
/// <see cref="ConflictingId"/> name what is in the way (the provider, room or patient of a booking).
/// </summary>
public sealed class ConflictException(string message, string? kind = null, Guid? conflictingId = null) : DomainException(message)
{
    public string? Kind { get; } = kind;

    public Guid? ConflictingId { get; } = conflictingId;
}

/// <summary>Another service this command needs did not answer: 503 with Retry-After, nothing recorded.</summary>
public sealed class DependencyUnavailableException(string message) : DomainException(message);

/// <summary>An id in the route or body names nothing known: 404.</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The client's <c>If-Match</c> names a version the resource has moved past: 412.</summary>
public sealed class PreconditionFailedException(long expected, long actual)
    : DomainException($"If-Match names version {expected} but the resource is at version {actual}; reload and try again.")
{
    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}
