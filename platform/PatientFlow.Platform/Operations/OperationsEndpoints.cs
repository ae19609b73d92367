using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Platform.Audit;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.Messaging;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Operations;

/// <summary>
/// What an operator needs when something went wrong, under <c>/api/&lt;service&gt;/operations</c> for the
/// <c>ops</c> role: the queues and their parked messages, replaying them once the cause is fixed,
/// projection progress, and rebuilding a projection from its events.
/// </summary>
public static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ServiceIdentity>() is not { } identity)
        {
            return app;
        }

        var operations = app.MapGroup($"/api/{identity.Service}/operations").RequireAuthorization(AccessPolicies.Operations);
        // Queue counts, projection rebuilds: ids and numbers, no patient data.
        operations.HoldsNoPhi();
        if (app.ServiceProvider.GetService<FailedMessages>() is not null)
        {
            operations.MapGet("/messaging", GetMessaging);
            operations.MapPost("/messaging/replay", Replay);
        }

        if (app.ServiceProvider.GetService<ProjectionOperations>() is not null)
        {
            operations.MapGet("/projections", GetProjections);
            operations.MapPost("/projections/{name}/rebuild", Rebuild);
        }

        return app;
    }

    private static async Task<Ok<MessagingStatus>> GetMessaging(
        BrokerMonitor monitor, FailedMessages failed, ServiceIdentity identity, CancellationToken ct)
    {
        var probe = await monitor.ProbeAsync(ct);
        if (probe.Problem is not null)
        {
            return TypedResults.Ok(new MessagingStatus(identity.Instance, probe.Depths, probe.Problem, [], []));
        }

        return TypedResults.Ok(new MessagingStatus(identity.Instance, probe.Depths, null,
            await failed.ListAsync(ParkedIn.Error, 50, ct), await failed.ListAsync(ParkedIn.DeadLetter, 50, ct)));
    }

    private static async Task<Ok<ReplayResult>> Replay(ReplayRequest? request, FailedMessages failed, CancellationToken ct)
    {
        var parkedIn = (request?.Queue ?? "error") switch
        {
            "error" => ParkedIn.Error,
            "dead-letter" => ParkedIn.DeadLetter,
            _ => throw new InvalidFieldException("queue", "must be error or dead-letter"),
        };
        var ids = request?.MessageIds is { Count: > 0 } listed ? listed.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        return TypedResults.Ok(await failed.ReplayAsync(parkedIn, ids, ct));
    }

    private static async Task<Ok<IReadOnlyList<ProjectionStatus>>> GetProjections(ProjectionOperations projections, CancellationToken ct) =>
        TypedResults.Ok(await projections.StatusAsync(ct));

    private static async Task<Ok<RebuildResult>> Rebuild(string name, ProjectionOperations projections, CancellationToken ct) =>
        TypedResults.Ok(await projections.RebuildAsync(name, ct));
}

/// <summary>Queue depths as probed now, and the messages parked in the error and dead-letter queues.</summary>
public sealed record MessagingStatus(
    string Instance,
    IReadOnlyDictionary<string, long> Queues,
    string? BrokerProblem,
    IReadOnlyList<FailedMessage> Error,
    IReadOnlyList<FailedMessage> DeadLetter);

/// <summary>Which parked messages to move back: <c>queue</c> is <c>error</c> (default) or <c>dead-letter</c>; no ids means all.</summary>
public sealed record ReplayRequest(string? Queue = null, IReadOnlyList<string>? MessageIds = null);
