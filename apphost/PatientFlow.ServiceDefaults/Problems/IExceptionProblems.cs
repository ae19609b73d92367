namespace PatientFlow.ServiceDefaults.Problems;

/// <summary>
/// What a library's exceptions mean to a client, for the libraries the service defaults do not know (the event store's
/// races and outages): a status, a title and a detail with ids only, or null for an exception it does not describe.
/// </summary>
public interface IExceptionProblems
{
    (int Status, string Title, string Detail)? Describe(Exception exception);
}
