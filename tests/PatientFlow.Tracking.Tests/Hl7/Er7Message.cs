namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>A message the test-side parser accepted.</summary>
public sealed class Er7Message(Er7Delimiters delimiters, IReadOnlyList<Er7Segment> segments)
{
    public Er7Delimiters Delimiters { get; } = delimiters;

    public IReadOnlyList<Er7Segment> Segments { get; } = segments;

    /// <summary>MSH-9.1^MSH-9.2, for example <c>ADT^A04</c>.</summary>
    public string MessageType => $"{Header.Value(9, 1)}^{Header.Value(9, 2)}";

    /// <summary>MSH-9.3, for example <c>ADT_A01</c>.</summary>
    public string Structure => Header.Value(9, 3);

    public Er7Segment Header => Segments[0];

    /// <summary>The segment ids in order, space-separated: <c>MSH EVN PID PV1</c>.</summary>
    public string Shape => string.Join(' ', Segments.Select(segment => segment.Id));

    /// <summary>The one segment with this id; fails when there is none or more than one.</summary>
    public Er7Segment Single(string id) => Segments.Where(segment => segment.Id == id).ToArray() is [var only]
        ? only
        : throw new InvalidOperationException($"expected exactly one {id} segment in {Shape}");

    public IEnumerable<Er7Segment> All(string id) => Segments.Where(segment => segment.Id == id);
}
