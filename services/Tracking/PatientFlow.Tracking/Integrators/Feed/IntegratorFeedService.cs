using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PatientFlow.Contracts.Grpc.Tracking.V1;
using PatientFlow.Platform.Access;
using PatientFlow.Platform.Audit;
using PatientFlow.Platform.Grpc;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Tracking.Access;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>
/// gRPC <c>Subscribe</c>: the feed replayed from a position or a time, then followed live. Each write waits for
/// HTTP/2 flow control, so a slow reader slows only its own reads of the log. What is read is cut to the token
/// (<see cref="FeedGrants"/>): its feed scope and its clinics.
/// </summary>
[Authorize(Policy = AccessPolicies.IntegratorFeed)]
public sealed class IntegratorFeedService(FeedLog log, Disclosures disclosures, ILogger<IntegratorFeedService> logger) : IntegratorFeed.IntegratorFeedBase
{
    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var query = Granted(FeedQuery.Parse(string.Join(",", request.EventTypes), string.Join(',', request.Clinics), null, request.Scope), context);
        long after = request.StartCase switch
        {
            SubscribeRequest.StartOneofCase.AfterPosition when request.AfterPosition < 0 =>
                throw new InvalidFieldException("after_position", "must be a feed position (0 or more)"),
            SubscribeRequest.StartOneofCase.AfterPosition => request.AfterPosition,
            SubscribeRequest.StartOneofCase.Since => await log.StartOfAsync(request.Since.ToDateTimeOffset(), ct),
            _ => 0,
        };
        if (request.StartCase == SubscribeRequest.StartOneofCase.Since)
        {
            query = query with { Since = request.Since.ToDateTimeOffset() };
        }

        logger.LogInformation("Feed subscriber starts after position {Position}", after);
        try
        {
            // Events at hand are recorded as disclosed to the caller in one audit transaction, then written.
            await using var events = log.FollowAsync(query, after, ct).GetAsyncEnumerator(ct);
            var atHand = new List<FeedEntry>();
            var next = events.MoveNextAsync();
            while (true)
            {
                if (!next.IsCompleted || atHand.Count == DisclosedTogether)
                {
                    await SendAsync(atHand, query, responseStream, context, ct);
                }

                if (!await next)
                {
                    await SendAsync(atHand, query, responseStream, context, ct);
                    return;
                }

                atHand.Add(events.Current);
                next = events.MoveNextAsync();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The subscriber went away; it resumes from the last position it kept.
        }
    }

    private const int DisclosedTogether = 100;

    private async Task SendAsync(List<FeedEntry> atHand, FeedQuery query, IServerStreamWriter<FeedEvent> responseStream, ServerCallContext context, CancellationToken ct)
    {
        if (atHand.Count == 0)
        {
            return;
        }

        var user = context.GetHttpContext().User;
        await disclosures.RecordAsync(
            [.. atHand.Select(entry => Disclosure.To(user, "feed-event", entry.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Step.PatientId, "gRPC IntegratorFeed/Subscribe"))],
            ct);
        foreach (var entry in atHand)
        {
            await responseStream.WriteAsync(new FeedEvent
            {
                Position = entry.Position,
                Id = entry.Step.SourceEventId.ToString("D"),
                Type = entry.Type,
                Subject = entry.Step.VisitId.ToString("D"),
                Time = Timestamp.FromDateTimeOffset(entry.Step.OccurredAt),
                CloudEvent = Encoding.UTF8.GetString(FeedEnvelope.Encode(entry, query.Scope)),
            }, ct);
        }

        atHand.Clear();
    }

    private const string ClinicsField = "clinics";

    /// <summary>The query cut to the caller's token; asking beyond it is PERMISSION_DENIED with the field in the trailers.</summary>
    private static FeedQuery Granted(FeedQuery query, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        try
        {
            return query.BoundBy(http.User, http.RequestServices.GetRequiredService<ClinicScope>(), ClinicsField);
        }
        catch (NotGrantedException refused)
        {
            throw PermissionDenied(refused.Field, $"{refused.Field}: {refused.Message}");
        }
        catch (AccessRefusedException refused)
        {
            // Only the clinics asked for are refused so; the detail already starts with their field.
            throw PermissionDenied(ClinicsField, refused.Message);
        }
    }

    private static RpcException PermissionDenied(string field, string detail) =>
        new(new Status(StatusCode.PermissionDenied, detail), new Metadata { { GrpcCalls.FieldTrailer, field } });
}
