using Marten;
using Microsoft.AspNetCore.Http;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// Stamps every appended event with who caused it (Marten's <c>user_name</c> column): the token subject of the request
/// that appended it; for a consumer, the user of the event it consumed, which the session names
/// (<see cref="IDocumentSession.LastModifiedBy"/>); otherwise the service itself (<c>service:scheduling</c>): a sweep,
/// a monitor. Registered on the store, so no handler sets it.
/// </summary>
public sealed class EventUserName(string service) : DocumentSessionListenerBase
{
    // HttpContextAccessor reads the request of the current async flow; it holds no state of its own.
    private static readonly HttpContextAccessor Requests = new();

    /// <summary>The message header the relay publishes an event's user in.</summary>
    public const string MessageHeader = "PatientFlow-User";

    public string ServiceUser { get; } = $"service:{service}";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var user = session.LastModifiedBy is { Length: > 0 } named ? named
            : Requests.HttpContext?.User.Subject() is { Length: > 0 } subject ? subject
            : ServiceUser;
        foreach (var appended in session.PendingChanges.Streams().SelectMany(stream => stream.Events))
        {
            if (string.IsNullOrEmpty(appended.UserName))
            {
                appended.UserName = user;
            }
        }

        return Task.CompletedTask;
    }
}
