using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Waitlist.Joining;
using PatientFlow.Scheduling.Waitlist.Offering;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Waitlist;

public static class WaitlistEndpoints
{
    public static IEndpointRouteBuilder MapWaitlistEndpoints(this IEndpointRouteBuilder app)
    {
        var waitlist = app.MapGroup("/api/scheduling/waitlist").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Waitlist");
        waitlist.MapPost("/", Join);
        waitlist.MapGet("/", List);
        waitlist.MapGet("/{entryId:guid}", Get);
        waitlist.MapPost("/{entryId:guid}/acceptance", Accept);
        waitlist.MapPost("/{entryId:guid}/declination", Decline);
        waitlist.MapPost("/{entryId:guid}/withdrawal", Withdraw);
        return app;
    }

    private static async Task<Created<WaitlistEntryDetails>> Join(JoinWaitlist command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        _ = await session.LoadAsync<PatientDetails>(command.PatientId, ct) ?? throw new NotFoundException($"patient {command.PatientId} not found");
        if (command.ProviderId is { } providerId && await session.LoadAsync<ProviderDetails>(providerId, ct) is null)
        {
            throw new NotFoundException($"provider {providerId} not found");
        }

        var type = await AppointmentTypeEndpoints.LoadAsync(session, command.VisitType, "visitType", ct);
        var waitlisted = JoinWaitlistDecider.Decide(Guid.CreateVersion7(), command, type.Code, clock.GetUtcNow());
        session.Events.StartStream<WaitlistEntryDetails>(waitlisted.EntryId, waitlisted);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/waitlist/{waitlisted.EntryId}", WaitlistEntryDetails.Create(waitlisted));
    }

    /// <summary>Entries still waiting or holding an offer, longest waiting first.</summary>
    private static async Task<Ok<IReadOnlyList<WaitlistEntryDetails>>> List(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.Query<WaitlistEntryDetails>()
            .Where(e => e.Status == WaitlistStatus.Waiting || e.Status == WaitlistStatus.Offered)
            .OrderBy(e => e.WaitlistedAt).ToListAsync(ct));

    private static async Task<Ok<WaitlistEntryDetails>> Get(Guid entryId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<WaitlistEntryDetails>(entryId, ct) ?? throw NotFound(entryId));

    /// <summary>The patient takes the offered slot: booked like any booking (its hold lets only this entry in), in one commit.</summary>
    private static async Task<Created<AppointmentDetails>> Accept(
        Guid entryId, IDocumentStore store, TimeProvider clock, ILogger<WaitlistEntryDetails> logger, CancellationToken ct)
    {
        var appointmentId = Guid.CreateVersion7();
        var booked = await Bookings.WithPatienceAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            var entry = await session.Events.FetchForWriting<WaitlistEntryDetails>(entryId, ct);
            var offer = (entry.Aggregate ?? throw NotFound(entryId)).LiveOffer(now);
            var command = new BookAppointment(entry.Aggregate.PatientId, offer.ProviderId, offer.SlotId, entry.Aggregate.VisitType);
            var plan = await Bookings.PlanAsync(session, offer.ProviderId, offer.SlotId, command.VisitType, ct);
            var locks = await Bookings.LockAsync(session, plan, command.PatientId, null, ct);
            var (placement, booked) = BookAppointmentDecider.Decide(
                Bookings.Target(locks, plan, command.PatientId), command, appointmentId, now, BookingChannels.Waitlist, acceptingOffer: entryId);
            locks.Append(offer.ProviderId, new SlotOfferEnded(offer.ProviderId, offer.SlotId, entryId, now), (p, e) => p.Apply(e));
            locks.Append(placement);
            session.Events.StartStream<Appointment>(appointmentId, booked);
            entry.AppendOne(new WaitlistOfferAccepted(entryId, command.PatientId, offer.SlotId, appointmentId, now));
            await session.SaveChangesAsync(ct);
            return booked;
        }, logger, ct);
        logger.LogInformation("Waitlist entry {EntryId} accepted its offer: appointment {AppointmentId}", entryId, appointmentId);
        return TypedResults.Created($"/api/scheduling/appointments/{appointmentId}", AppointmentDetails.Create(booked));
    }

    private static Task<Ok<WaitlistEntryDetails>> Decline(
        Guid entryId, IDocumentSession session, TimeProvider clock, IOptions<SchedulingOptions> options, CancellationToken ct) =>
        EndOfferAsync(entryId, session, clock.GetUtcNow(), options.Value, expired: false, ct);

    private static async Task<Ok<WaitlistEntryDetails>> Withdraw(
        Guid entryId, WithdrawFromWaitlist command, IDocumentSession session, TimeProvider clock, IOptions<SchedulingOptions> options, CancellationToken ct)
    {
        var reason = Text.Required("reason", command.Reason, 200);
        var now = clock.GetUtcNow();
        var entry = await session.Events.FetchForWriting<WaitlistEntryDetails>(entryId, ct);
        var state = entry.Aggregate ?? throw NotFound(entryId);
        if (state.Status is WaitlistStatus.Booked or WaitlistStatus.Withdrawn)
        {
            throw new ConflictException($"waitlist entry {entryId} is {state.Status.ToString().ToLowerInvariant()}");
        }

        if (state.Offer is { } offer)
        {
            await PassOnAsync(session, offer, entryId, options.Value, now, ct);
        }

        entry.AppendOne(new WaitlistEntryWithdrawn(entryId, state.PatientId, reason, now));
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(await session.LoadAsync<WaitlistEntryDetails>(entryId, ct) ?? throw NotFound(entryId));
    }

    /// <summary>The entry's open offer ends (declined, or expired when <paramref name="expired"/>) and the slot goes to the next patient waiting.</summary>
    public static async Task<Ok<WaitlistEntryDetails>> EndOfferAsync(
        Guid entryId, IDocumentSession session, DateTimeOffset now, SchedulingOptions options, bool expired, CancellationToken ct)
    {
        var entry = await session.Events.FetchForWriting<WaitlistEntryDetails>(entryId, ct);
        var state = entry.Aggregate ?? throw NotFound(entryId);
        var offer = expired
            ? state.Offer is { } open && open.Until <= now ? open : throw new ConflictException($"waitlist entry {entryId} has no expired offer")
            : state.LiveOffer(now);
        entry.AppendOne(expired
            ? new WaitlistOfferExpired(entryId, state.PatientId, offer.SlotId, now)
            : new WaitlistOfferDeclined(entryId, state.PatientId, offer.SlotId, now));
        await PassOnAsync(session, offer, entryId, options, now, ct);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(await session.LoadAsync<WaitlistEntryDetails>(entryId, ct) ?? throw NotFound(entryId));
    }

    private static async Task PassOnAsync(IDocumentSession session, WaitlistOffer offer, Guid entryId, SchedulingOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var provider = await session.Events.FetchForExclusiveWriting<Provider>(offer.ProviderId, ct);
        var ended = new SlotOfferEnded(offer.ProviderId, offer.SlotId, entryId, now);
        provider.AppendOne(ended);
        var state = provider.Aggregate!.Apply(ended);
        await WaitlistOffers.OfferAsync(session, state, offer.SlotId, provider.AppendOne, options.WaitlistOfferWindow, now, ct);
    }

    private static NotFoundException NotFound(Guid entryId) => new($"waitlist entry {entryId} not found");

    public sealed record WithdrawFromWaitlist(string? Reason = null);
}
