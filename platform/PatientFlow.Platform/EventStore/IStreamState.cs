namespace PatientFlow.Platform.EventStore;

/// <summary>An aggregate decided on through <see cref="StreamCommands{TState, TView}"/>: it can say that its stream does not exist.</summary>
public interface IStreamState
{
    /// <summary>The 404 for a command or read on a stream that was never started.</summary>
    static abstract Exception NotFound(Guid streamId);
}
