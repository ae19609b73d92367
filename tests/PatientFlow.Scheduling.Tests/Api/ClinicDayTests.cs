using Marten;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Contracts.Scheduling.V1;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Appointments.Sweeping;
using PatientFlow.Scheduling.Clinics.DeclaringHolidays;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Providers.FindingSlots;
using PatientFlow.Scheduling.Providers.GettingDay;
using PatientFlow.Testing;
using AppointmentStatus = PatientFlow.Scheduling.Appointments.AppointmentStatus;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>A clinic day at the front desk, through the API: template, free slots, booking, reminders, arrival, check-out with a follow-up.</summary>
public class ClinicDayTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>A weekday at least a week ahead, in New York.</summary>
    private static DateOnly Day(int weeksAhead = 2)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NewYork).DateTime).AddDays(7 * weeksAhead);
        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? date.AddDays(2) : date;
    }

    private async Task<string> ProviderWithTemplateAsync(DateOnly day, string specialty, string room, int overbook = 0)
    {
        var providerId = await factory.ProviderAsync(specialty);
        var template = await factory.Ops().PutAsJsonAsync($"/api/scheduling/providers/{providerId}/template", new
        {
            sessions = new[] { new { day = day.DayOfWeek.ToString().ToLowerInvariant(), start = "09:00", end = "10:00", slotMinutes = 20, room, overbook } },
        });
        template.StatusCode.Should().Be(HttpStatusCode.OK, await template.Content.ReadAsStringAsync());
        var generated = await factory.Ops().PostAsJsonAsync($"/api/scheduling/providers/{providerId}/template/generation", new { from = day.ToString("O"), to = day.ToString("O") });
        generated.StatusCode.Should().Be(HttpStatusCode.OK, await generated.Content.ReadAsStringAsync());
        return providerId;
    }

    [Fact]
    public async Task ClinicDay_TemplateToFollowUp_EveryStepAnswersAsTheFrontDeskExpects()
    {
        var desk = factory.FrontDesk();
        var day = Day();
        var specialty = $"derm-{Guid.NewGuid():N}"[..12];
        var providerId = await ProviderWithTemplateAsync(day, specialty, "EXAM-1");
        var patientId = await factory.RegisterPatientAsync();
        var reminders = factory.Listen<ReminderDue>();
        var late = factory.Listen<LateArrivalFlagged>();

        // Free slots by specialty and date, in the clinic's wall-clock time.
        var free = await desk.GetAsync($"/api/scheduling/slots/free?specialty={specialty}&date={day:O}").ReadAsAsync<IReadOnlyList<FreeSlot>>();
        free.Select(s => TimeZoneInfo.ConvertTime(s.StartsAt, NewYork).TimeOfDay)
            .Should().Equal(new TimeSpan(9, 0, 0), new TimeSpan(9, 20, 0), new TimeSpan(9, 40, 0));
        var nine = free[0];

        var booked = await SchedulingFactory.PostAsync<AppointmentDetails>(desk, "/api/scheduling/appointments",
            new { patientId, providerId, slotId = nine.SlotId, visitType = "follow-up" });
        var visitId = booked.AppointmentId;
        booked.Room.Should().Be("EXAM-1");
        var startsAt = booked.StartsAt;

        // The patient's appointments and the provider's day both show it; the slot is no longer free.
        (await desk.GetAsync($"/api/scheduling/patients/{patientId}/appointments").ReadAsAsync<IReadOnlyList<AppointmentDetails>>())
            .Select(a => a.AppointmentId).Should().Equal(visitId);
        var providerDay = await desk.GetAsync($"/api/scheduling/providers/{providerId}/days/{day:O}").ReadAsAsync<ProviderDay>();
        providerDay.Slots.Should().HaveCount(3);
        providerDay.Appointments.Single().Status.Should().Be(AppointmentStatus.Booked);
        (await desk.GetAsync($"/api/scheduling/slots/free?specialty={specialty}&date={day:O}").ReadAsAsync<IReadOnlyList<FreeSlot>>()).Should().HaveCount(2);

        // Reminders fall due 48 h and 2 h before, once each, whoever sweeps.
        var sweeper = factory.Services.GetRequiredService<AppointmentSweeper>();
        await sweeper.SweepAsync(startsAt.AddHours(-48), CancellationToken.None);
        await sweeper.SweepAsync(startsAt.AddHours(-47), CancellationToken.None);
        await sweeper.SweepAsync(startsAt.AddHours(-2), CancellationToken.None);
        (await reminders.WaitForAsync(r => r.VisitId == visitId && r.OffsetMinutes == 120)).OccurredAt.Should().Be(startsAt.AddHours(-2));
        await using (var session = factory.Store.QuerySession())
        {
            (await session.Events.FetchStreamAsync(visitId)).Select(e => e.Data).OfType<Appointments.ReminderDue>()
                .Select(r => r.OffsetMinutes).Should().Equal(2880, 120);
        }

        // Arrival 15 minutes late (back-dated entry), confirmed demographics and insurance.
        var checkIn = await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", SchedulingFactory.Confirmed(DateTimeOffset.UtcNow.AddMinutes(-1)));
        checkIn.StatusCode.Should().Be(HttpStatusCode.OK, await checkIn.Content.ReadAsStringAsync());
        (await checkIn.ReadAsAsync<AppointmentDetails>()).InsuranceMemberIdConfirmed.Should().Be("W123");

        // Check-out books the follow-up at 9:40 in the same commit.
        var followUpSlot = free[2].SlotId;
        var checkOut = await desk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-out", new { followUp = new { slotId = followUpSlot, visitType = "follow-up" } });
        checkOut.StatusCode.Should().Be(HttpStatusCode.OK, await checkOut.Content.ReadAsStringAsync());
        var followUpId = (await checkOut.ReadAsAsync<AppointmentDetails>()).FollowUpAppointmentId!.Value;
        var followUp = await desk.GetAsync($"/api/scheduling/appointments/{followUpId}").ReadAsAsync<AppointmentDetails>();
        followUp.BookedVia.Should().Be("follow-up");
        followUp.SlotId.Should().Be(followUpSlot);
        late.Received.Should().NotContain(l => l.VisitId == visitId, "the arrival was before the scheduled start");
    }

    [Fact]
    public async Task CheckIn_AfterTheLatenessThreshold_PublishesLateArrivalFlagged()
    {
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1, DateTimeOffset.UtcNow.AddSeconds(2));
        var patientId = await factory.RegisterPatientAsync();
        var late = factory.Listen<LateArrivalFlagged>();
        var booked = await SchedulingFactory.PostAsync<AppointmentDetails>(factory.FrontDesk(), "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        var visitId = booked.AppointmentId;
        var startsAt = booked.StartsAt;
        await Task.Delay(startsAt + SchedulingFactory.LateAfter + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow);

        var response = await factory.FrontDesk().PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", SchedulingFactory.Confirmed());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadAsAsync<AppointmentDetails>()).MinutesLate.Should().Be(0);
        (await late.WaitForAsync(l => l.VisitId == visitId)).StartsAt.Should().Be(startsAt);
    }

    [Fact]
    public async Task Sweep_PastTheNoShowGrace_RecordsANoShowOnceAndALateArrivalStillChecksIn()
    {
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var patientId = await factory.RegisterPatientAsync();
        var noShows = factory.Listen<NoShowRecorded>();
        var booked = await SchedulingFactory.PostAsync<AppointmentDetails>(factory.FrontDesk(), "/api/scheduling/appointments", new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        var visitId = booked.AppointmentId;
        var startsAt = booked.StartsAt;
        var sweeper = factory.Services.GetRequiredService<AppointmentSweeper>();

        await sweeper.SweepAsync(startsAt.AddMinutes(19), CancellationToken.None);
        (await factory.FrontDesk().GetAsync($"/api/scheduling/appointments/{visitId}").ReadAsAsync<AppointmentDetails>()).Status.Should().Be(AppointmentStatus.Booked);
        await Task.WhenAll(sweeper.SweepAsync(startsAt.AddMinutes(21), CancellationToken.None), sweeper.SweepAsync(startsAt.AddMinutes(22), CancellationToken.None));

        (await noShows.WaitForAsync(n => n.VisitId == visitId)).StartsAt.Should().Be(startsAt);
        (await factory.FrontDesk().GetAsync($"/api/scheduling/appointments/{visitId}").ReadAsAsync<AppointmentDetails>()).Status.Should().Be(AppointmentStatus.NoShow);
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(visitId)).Count(e => e.Data is Appointments.NoShowRecorded).Should().Be(1, "two sweeps raced; one recorded it");
    }

    [Fact]
    public async Task WalkIn_PatientWithoutAppointment_VisitCreatedCheckedInAndShownOnTheProvidersDay()
    {
        var providerId = await factory.ProviderAsync();
        var patientId = await factory.RegisterPatientAsync();
        var checkedIn = factory.Listen<PatientCheckedIn>();

        var walkIn = await SchedulingFactory.PostAsync<AppointmentDetails>(factory.FrontDesk(), "/api/scheduling/appointments/walk-ins",
            new { patientId, providerId, visitType = "follow-up", demographicsConfirmed = true, insuranceConfirmed = true });

        var visitId = walkIn.AppointmentId;
        walkIn.Status.Should().Be(AppointmentStatus.CheckedIn);
        walkIn.BookedVia.Should().Be("walk-in");
        (await checkedIn.WaitForAsync(c => c.VisitId == visitId)).WalkIn.Should().BeTrue();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(walkIn.StartsAt, NewYork).DateTime);
        (await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}/days/{today:O}").ReadAsAsync<ProviderDay>())
            .Appointments.Select(a => a.AppointmentId).Should().Contain(visitId);
    }

    [Fact]
    public async Task DeclareHoliday_OnAGeneratedDay_RemovesThatDaysFreeSlotsAndLaterGenerationSkipsIt()
    {
        var day = Day(3);
        var providerId = await ProviderWithTemplateAsync(day, $"ent-{Guid.NewGuid():N}"[..10], "EXAM-2");

        var holiday = await factory.Ops().PostAsJsonAsync("/api/scheduling/clinics/north/holidays", new { date = day.ToString("O"), name = "Staff day" });

        holiday.StatusCode.Should().Be(HttpStatusCode.OK, await holiday.Content.ReadAsStringAsync());
        (await holiday.ReadAsAsync<HolidayResponse>()).SlotsRemoved.Should().BeGreaterThanOrEqualTo(3);
        (await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}/days/{day:O}").ReadAsAsync<ProviderDay>()).Slots.Should().BeEmpty();
        var again = await factory.Ops().PostAsJsonAsync($"/api/scheduling/providers/{providerId}/template/generation", new { from = day.ToString("O"), to = day.ToString("O") });
        (await again.ReadAsAsync<SlotsResponse>()).Slots.Should().BeEmpty();
    }

    [Fact]
    public async Task SetupEndpoints_FrontDeskToken_Answer403()
    {
        var desk = factory.FrontDesk();

        (await desk.PostAsJsonAsync("/api/scheduling/clinics", new { code = "x", name = "x", timeZone = "UTC" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await desk.PutAsJsonAsync("/api/scheduling/appointment-types/x", new { code = "x", name = "x", durationMinutes = 20 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await desk.PostAsJsonAsync("/api/scheduling/resources", new { kind = "room", code = "x", name = "x", clinic = "north", category = "exam-room" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
