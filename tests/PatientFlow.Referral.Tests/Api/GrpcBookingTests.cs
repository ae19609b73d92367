extern alias scheduling;

using Grpc.Core;
using Grpc.Net.Client;
using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Contracts.Referral.V1;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Referral.Referrals.GettingDetails;
using PatientFlow.Referral.Referrals.Scheduling;
using static PatientFlow.Referral.Tests.Api.ReferralFactory;
using ProviderDetails = scheduling::PatientFlow.Scheduling.Providers.ProviderDetails;
using ReferralStatus = PatientFlow.Referral.Referrals.ReferralStatus;
using SchedulingAppointmentDetails = scheduling::PatientFlow.Scheduling.Appointments.GettingDetails.AppointmentDetails;

namespace PatientFlow.Referral.Tests.Api;

/// <summary>Referral booking into the real scheduling service over gRPC: booked, slot taken, not found, idempotent, no-show reopening.</summary>
public class GrpcBookingTests(ReferralWithScheduling platform) : IClassFixture<ReferralWithScheduling>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly HttpClient _clinician = platform.Referral.CreateClient(Roles.Clinician);
    private readonly HttpClient _desk = platform.Referral.CreateClient(Roles.FrontDesk);

    private async Task<(Guid ReferralId, Guid PatientId)> ReferralAsync(string specialty = "cardiology")
    {
        var patientId = await platform.RegisterPatientAsync();
        var visit = await platform.Referral.BookVisitAsync(patientId);
        var created = await _clinician.PostAsJsonAsync("/api/referral/referrals",
            new { visitId = visit.VisitId, kind = "specialist", specialty, urgency = "urgent", reason = "Exertional chest pain" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await created.ReadAsAsync<ReferralDetails>()).ReferralId, patientId);
    }

    [Fact]
    public async Task Book_FreeCardiologySlot_BookedInSchedulingThroughTheReferralChannelAndTheLoopClosesWithTheReport()
    {
        var scheduled = platform.Referral.Listen<ReferralScheduled>();
        var closed = platform.Referral.Listen<ReferralLoopClosed>();
        var (providerId, slots, firstStart) = await platform.CardiologistAsync(specialty: "cardiology-" + Guid.NewGuid().ToString("N")[..6]);
        var specialty = (await platform.Scheduling.CreateClient(Roles.FrontDesk).GetAsync($"/api/scheduling/providers/{providerId}").ReadAsAsync<ProviderDetails>())
            .Specialty;
        var (referralId, patientId) = await ReferralAsync(specialty);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(firstStart, NewYork).DateTime);

        var slotsAnswer = await _desk.GetAsync($"/api/referral/referrals/{referralId}/slots?date={day:yyyy-MM-dd}");
        slotsAnswer.StatusCode.Should().Be(HttpStatusCode.OK, await slotsAnswer.Content.ReadAsStringAsync());
        var offered = await slotsAnswer.ReadAsAsync<List<SlotOffer>>();
        offered.Select(s => s.SlotId).Should().Equal(slots);

        var booking = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId, slotId = slots[0] });

        booking.StatusCode.Should().Be(HttpStatusCode.OK, await booking.Content.ReadAsStringAsync());
        var referral = await booking.ReadAsAsync<ReferralDetails>();
        referral.Status.Should().Be(ReferralStatus.Scheduled);
        var appointment = referral.Appointment!;
        appointment.InNetwork.Should().BeTrue();
        appointment.At.Should().Be(firstStart);
        var appointmentId = appointment.AppointmentId!.Value;
        var inScheduling = await platform.Scheduling.CreateClient(Roles.FrontDesk).GetAsync($"/api/scheduling/appointments/{appointmentId}")
            .ReadAsAsync<SchedulingAppointmentDetails>();
        inScheduling.PatientId.Should().Be(patientId);
        inScheduling.ProviderId.Should().Be(providerId);
        inScheduling.BookedVia.Should().Be("referral");
        (await _desk.GetAsync($"/api/referral/referrals/{referralId}/slots?date={day:yyyy-MM-dd}").ReadAsAsync<List<SlotOffer>>())
            .Select(s => s.SlotId).Should().Equal(slots[1]);
        (await scheduled.WaitForAsync(e => e.ReferralId == referralId)).AppointmentId.Should().Be(appointmentId);

        var again = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId, slotId = slots[1] });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var report = await _clinician.PostAsJsonAsync($"/api/referral/referrals/{referralId}/report", new { kind = "consult-report", summary = "Stress echo normal; no ischaemia." });
        report.StatusCode.Should().Be(HttpStatusCode.OK);
        (await report.ReadAsAsync<ReferralDetails>()).Status.Should().Be(ReferralStatus.Completed);
        (await closed.WaitForAsync(e => e.ReferralId == referralId)).ReportKind.Should().Be("consult-report");
    }

    [Fact]
    public async Task Book_SlotTakenAtTheFrontDeskMeanwhile_409NamingTheProviderAndTheReferralStaysUnscheduled()
    {
        var (providerId, slots, _) = await platform.CardiologistAsync(count: 1);
        var (referralId, _) = await ReferralAsync();
        var otherPatient = await platform.RegisterPatientAsync();
        (await platform.Scheduling.CreateClient(Roles.FrontDesk).PostAsJsonAsync("/api/scheduling/appointments",
            new { patientId = otherPatient, providerId, slotId = slots[0], visitType = "new-patient" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var booking = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId, slotId = slots[0] });

        booking.StatusCode.Should().Be(HttpStatusCode.Conflict);
        booking.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Body(booking);
        problem.GetProperty("conflict").GetString().Should().Be("provider");
        problem.GetProperty("conflictingId").GetGuid().Should().Be(providerId);
        problem.GetProperty("detail").GetString().Should().StartWith("scheduling refused: ");
        var referral = await _desk.GetAsync($"/api/referral/referrals/{referralId}").ReadAsAsync<ReferralDetails>();
        referral.Status.Should().Be(ReferralStatus.Created);
        referral.Appointment.Should().BeNull();
    }

    [Fact]
    public async Task Book_SlotThatDoesNotExist_404FromSchedulingAndNothingRecorded()
    {
        var (providerId, _, _) = await platform.CardiologistAsync(count: 1);
        var (referralId, _) = await ReferralAsync();

        var booking = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId, slotId = Guid.CreateVersion7() });

        booking.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Body(booking)).GetProperty("detail").GetString().Should().Contain("slot");
        (await _desk.GetAsync($"/api/referral/referrals/{referralId}").ReadAsAsync<ReferralDetails>()).Status.Should().Be(ReferralStatus.Created);
    }

    [Fact]
    public async Task Book_UnknownVisitType_422NamingTheFieldSchedulingRefused()
    {
        var (providerId, slots, _) = await platform.CardiologistAsync(count: 1);
        var (referralId, _) = await ReferralAsync();

        var booking = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId, slotId = slots[0], visitType = "no-such-type" });

        booking.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(booking)).GetProperty("errors").EnumerateObject().Single().Name.Should().Be("visitType");
    }

    [Fact]
    public async Task BookReferralAppointment_TheSameRequestTwice_BooksOnceAndAnswersTheSameAppointment()
    {
        var (providerId, slots, _) = await platform.CardiologistAsync(count: 1);
        var patientId = await platform.RegisterPatientAsync();
        using var channel = GrpcChannel.ForAddress(platform.Scheduling.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = new Http2ResponseHandler(platform.Scheduling.Server.CreateHandler()) });
        var client = new ReferralScheduling.ReferralSchedulingClient(channel);
        var token = platform.Scheduling.CreateClient(Roles.FrontDesk).DefaultRequestHeaders.Authorization!.ToString();
        var request = new BookReferralAppointmentRequest
        {
            RequestId = $"{Guid.CreateVersion7()}:0", PatientId = patientId.ToString(), ProviderId = providerId.ToString(),
            SlotId = slots[0].ToString(), VisitType = "new-patient", ReferralId = Guid.CreateVersion7().ToString(),
        };
        var headers = new Metadata { { "authorization", token } };

        var first = await client.BookReferralAppointmentAsync(request, headers);
        var retried = await client.BookReferralAppointmentAsync(request, headers);

        retried.AppointmentId.Should().Be(first.AppointmentId);
        await using var session = platform.Scheduling.Store.QuerySession();
        (await session.Query<scheduling::PatientFlow.Scheduling.Appointments.GettingDetails.AppointmentDetails>()
            .CountAsync(a => a.PatientId == patientId)).Should().Be(1);
        var other = request.Clone();
        other.SlotId = Guid.CreateVersion7().ToString();
        var reused = () => client.BookReferralAppointmentAsync(other, headers).ResponseAsync;
        (await reused.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.FailedPrecondition);
        var anonymous = () => client.BookReferralAppointmentAsync(request).ResponseAsync;
        (await anonymous.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task NoShowAtTheReferredAppointment_ReopensTheReferralWithAFreshDeadlineAndItCanBeBookedAgain()
    {
        var noShows = platform.Scheduling.Listen<NoShowRecorded>();
        var reopened = platform.Referral.Listen<ReferralReopened>();
        var (providerId, slots, firstStart) = await platform.CardiologistAsync(count: 2);
        var (referralId, _) = await ReferralAsync();
        var booked = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId, slotId = slots[0] }).ReadAsAsync<ReferralDetails>();
        var appointmentId = booked.Appointment!.AppointmentId!.Value;

        // Scheduling decides the no-show; the event travels to referral as the broker would carry it between services.
        await platform.Scheduling.Sweeper.SweepAsync(firstStart.AddMinutes(21), CancellationToken.None);
        var noShow = await noShows.WaitForAsync(e => e.VisitId == appointmentId);
        await platform.Referral.PublishAsync(noShow);
        await platform.Referral.HandledAsync(noShow.EventId);

        (await reopened.WaitForAsync(e => e.ReferralId == referralId)).Reason.Should().Be("no-show");
        var referral = await _desk.GetAsync($"/api/referral/referrals/{referralId}").ReadAsAsync<ReferralDetails>();
        referral.Status.Should().Be(ReferralStatus.Created);
        referral.Reopenings![0].AppointmentId.Should().Be(appointmentId);
        var rebooked = await _desk.PostAsJsonAsync($"/api/referral/referrals/{referralId}/booking", new { providerId, slotId = slots[1] });
        rebooked.StatusCode.Should().Be(HttpStatusCode.OK, await rebooked.Content.ReadAsStringAsync());
        (await rebooked.ReadAsAsync<ReferralDetails>()).Appointment!.AppointmentId.Should().NotBeNull().And.NotBe(appointmentId);
    }
}
