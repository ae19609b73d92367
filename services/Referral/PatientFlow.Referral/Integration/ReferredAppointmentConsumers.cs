using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Platform.Messaging;
using PatientFlow.Referral.Referrals;
using PatientFlow.Referral.Referrals.ClosingTheLoop;

namespace PatientFlow.Referral.Integration;

/// <summary>A no-show at a referred appointment reopens its referral.</summary>
public sealed class NoShowRecordedConsumer(IDocumentStore store, ReferralDeadlines deadlines, TimeProvider clock, ILogger<NoShowRecordedConsumer> logger)
    : IdempotentConsumer<NoShowRecorded>(store, logger)
{
    protected override Task HandleAsync(NoShowRecorded message, IDocumentSession session, CancellationToken cancellationToken) =>
        ReferredAppointments.ReopenAsync(session, message.VisitId, ReopenReason.NoShow, deadlines, clock.GetUtcNow(), logger, cancellationToken);
}

/// <summary>A cancelled referred appointment reopens its referral.</summary>
public sealed class AppointmentCancelledConsumer(IDocumentStore store, ReferralDeadlines deadlines, TimeProvider clock, ILogger<AppointmentCancelledConsumer> logger)
    : IdempotentConsumer<AppointmentCancelled>(store, logger)
{
    protected override Task HandleAsync(AppointmentCancelled message, IDocumentSession session, CancellationToken cancellationToken) =>
        ReferredAppointments.ReopenAsync(session, message.VisitId, ReopenReason.AppointmentCancelled, deadlines, clock.GetUtcNow(), logger, cancellationToken);
}

internal static class ReferredAppointments
{
    /// <summary>Most appointments are not referrals': those are skipped. The append is checked against the referral's version.</summary>
    public static async Task ReopenAsync(
        IDocumentSession session, Guid appointmentId, ReopenReason reason, ReferralDeadlines deadlines, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        if (await session.LoadAsync<ReferralAppointment>(appointmentId, ct) is not { } referred)
        {
            return;
        }

        var (_, events) = await session.AppendAsync<Referral.Referrals.Referral>(
            referred.ReferralId,
            referral => Task.FromResult(referral is null ? [] : ReopenReferralDecider.Decide(referral, appointmentId, reason, deadlines, now)),
            notFound: null, ct);
        if (events.Count > 0)
        {
            logger.LogInformation("Referral {ReferralId} reopened: appointment {AppointmentId} {Reason}", referred.ReferralId, appointmentId, reason);
        }
    }
}
