using System.Globalization;
using Microsoft.Extensions.Options;
using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Platform.Grpc;

namespace PatientFlow.Referral.Referrals.Scheduling;

/// <summary>A free in-network slot the referral can be booked into.</summary>
public sealed record SlotOffer(Guid ProviderId, string ProviderName, string Clinic, Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// Scheduling's referral gRPC service (<c>Services:scheduling:GrpcUrl</c>), called as the coordinator: their token
/// goes along. Each call has <see cref="ReferralOptions.SchedulingCallDeadline"/> in all; UNAVAILABLE is retried
/// inside it; the answer's refusals become our problem details.
/// </summary>
public sealed class SchedulingClient(ReferralScheduling.ReferralSchedulingClient client, IConfiguration configuration, IOptions<ReferralOptions> options)
{
    public const string Scheduling = "scheduling";
    private const string Who = "scheduling";

    public async Task<IReadOnlyList<SlotOffer>> FindFreeSlotsAsync(string specialty, string? clinic, DateOnly date, string? bearer, CancellationToken ct)
    {
        GrpcCalls.EnsureConfigured(configuration, Scheduling);
        var reply = await GrpcCalls.CallAsync(Who, () => client.FindFreeSlotsAsync(
            new FindFreeSlotsRequest { Specialty = specialty, Clinic = clinic ?? "", Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            GrpcCalls.Options(bearer, options.Value.SchedulingCallDeadline, ct)).ResponseAsync);
        return [.. reply.Slots.Select(s => new SlotOffer(
            Guid.Parse(s.ProviderId), s.ProviderName, s.Clinic, Guid.Parse(s.SlotId), s.StartsAt.ToDateTimeOffset(), s.EndsAt.ToDateTimeOffset()))];
    }

    public async Task<BookedSlot> BookAsync(Referral referral, BookInNetwork command, string? bearer, CancellationToken ct)
    {
        GrpcCalls.EnsureConfigured(configuration, Scheduling);
        var request = new BookReferralAppointmentRequest
        {
            RequestId = referral.BookingRequestId,
            PatientId = referral.PatientId.ToString(),
            ProviderId = command.ProviderId!.Value.ToString(),
            SlotId = command.SlotId!.Value.ToString(),
            VisitType = command.VisitType!,
            ReferralId = referral.Id.ToString(),
        };
        // Scheduling names its request fields (slot_id); our API's are camelCase.
        var booked = await GrpcCalls.CallAsync(Who, () => client.BookReferralAppointmentAsync(
            request, GrpcCalls.Options(bearer, options.Value.SchedulingCallDeadline, ct)).ResponseAsync);
        return new BookedSlot(Guid.Parse(booked.AppointmentId), Guid.Parse(booked.ProviderId), booked.Clinic, booked.StartsAt.ToDateTimeOffset());
    }
}
