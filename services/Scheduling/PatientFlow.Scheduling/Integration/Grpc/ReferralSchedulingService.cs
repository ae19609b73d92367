using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Auth;
using BookAppointment = PatientFlow.Scheduling.Appointments.Booking.BookAppointment;

namespace PatientFlow.Scheduling.Integration.Grpc;

/// <summary>
/// The referral service's way into the schedule: the same free-slot search and the same booking rules as the
/// front desk, booked through the <c>referral</c> channel and idempotent on the caller's request id.
/// </summary>
[Authorize(Policy = AccessPolicies.Scheduling)]
public sealed class ReferralSchedulingService(IDocumentStore store, TimeProvider clock, ILogger<ReferralSchedulingService> logger)
    : ReferralScheduling.ReferralSchedulingBase
{
    public override async Task<FindFreeSlotsReply> FindFreeSlots(FindFreeSlotsRequest request, ServerCallContext context)
    {
        var date = DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidFieldException("date", "must be a date like 2026-03-04");
        var specialty = TextField.Required("specialty", request.Specialty, 64);
        await using var session = store.QuerySession();
        var slots = await Providers.FindingSlots.FreeSlots.FindAsync(
            session, date, specialty, string.IsNullOrWhiteSpace(request.Clinic) ? null : request.Clinic, clock.GetUtcNow(), context.CancellationToken);
        var reply = new FindFreeSlotsReply();
        reply.Slots.AddRange(slots.Select(slot => new FreeSlot
        {
            ProviderId = slot.ProviderId.ToString(),
            ProviderName = slot.ProviderName,
            Specialty = slot.Specialty,
            Clinic = slot.Clinic,
            SlotId = slot.SlotId.ToString(),
            StartsAt = Timestamp.FromDateTimeOffset(slot.StartsAt),
            EndsAt = Timestamp.FromDateTimeOffset(slot.EndsAt),
        }));
        return reply;
    }

    public override async Task<BookedAppointment> BookReferralAppointment(BookReferralAppointmentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = TextField.Required("request_id", request.RequestId, 100);
        var command = new BookAppointment(
            Id("patient_id", request.PatientId), Id("provider_id", request.ProviderId), Id("slot_id", request.SlotId),
            TextField.Required("visit_type", request.VisitType, 32));
        Id("referral_id", request.ReferralId);

        // The same request id always names the same appointment, so a retried call finds the booking it made.
        var appointmentId = StableId.From("referral-booking", requestId);
        if (await ExistingAsync(appointmentId, command, ct) is { } earlier)
        {
            return earlier;
        }

        try
        {
            var booked = await Bookings.BookAsync(store, command, appointmentId, BookingChannels.Referral, clock, logger, ct);
            logger.LogInformation("Appointment {AppointmentId} booked for referral {ReferralId} on provider {ProviderId}", appointmentId, request.ReferralId, command.ProviderId);
            return Reply(booked.AppointmentId, booked.ProviderId, booked.Clinic, booked.StartsAt, booked.EndsAt);
        }
        catch (Exception collision) when (IsSameRequestRace(collision))
        {
            return await ExistingAsync(appointmentId, command, ct) ?? throw new ConflictException($"request {requestId} is being booked; retry");
        }
    }

    private async Task<BookedAppointment?> ExistingAsync(Guid appointmentId, BookAppointment command, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var existing = await session.LoadAsync<AppointmentDetails>(appointmentId, ct);
        if (existing is null)
        {
            return null;
        }

        return existing.PatientId == command.PatientId && existing.SlotId == command.SlotId
            ? Reply(existing.AppointmentId, existing.ProviderId, existing.Clinic, existing.StartsAt, existing.EndsAt)
            : throw new ConflictException($"this request already booked appointment {existing.AppointmentId} for another slot", "request", existing.AppointmentId);
    }

    private static bool IsSameRequestRace(Exception failure) =>
        failure is JasperFx.Events.ExistingStreamIdCollisionException
        || failure.InnerException is JasperFx.Events.ExistingStreamIdCollisionException
        || failure is Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: "23505" } };

    private static BookedAppointment Reply(Guid appointmentId, Guid providerId, string clinic, DateTimeOffset startsAt, DateTimeOffset endsAt) => new()
    {
        AppointmentId = appointmentId.ToString(),
        ProviderId = providerId.ToString(),
        Clinic = clinic,
        StartsAt = Timestamp.FromDateTimeOffset(startsAt),
        EndsAt = Timestamp.FromDateTimeOffset(endsAt),
    };

    private static Guid Id(string field, string value) =>
        Guid.TryParse(value, out var id) && id != Guid.Empty ? id : throw new InvalidFieldException(field, "must be an id");
}
