using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Resources;
using PatientFlow.Scheduling.Waitlist;
using PatientFlow.Testing;
using Xunit.Abstractions;
using static PatientFlow.Testing.AccessMatrix;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>Scheduling's access table: who may do what, and how the caller's clinics apply.</summary>
public class AccessMatrixTests(SchedulingFactory factory, ITestOutputHelper output)
    : AccessMatrixSpec<Program>(factory, output), IClassFixture<SchedulingFactory>
{
    protected override IEnumerable<AccessRule> Table =>
    [
        Listed("GET /api/scheduling/clinics/", DeskClinicianAndOps),
        Row("POST /api/scheduling/clinics/", Ops),
        Record("GET /api/scheduling/clinics/{code}", DeskClinicianAndOps, "code"),
        Record("POST /api/scheduling/clinics/{code}/holidays", Ops, "code"),
        Row("POST /api/scheduling/resources/", Ops),
        Listed("GET /api/scheduling/resources/", DeskClinicianAndOps),
        Record("GET /api/scheduling/resources/{resourceId:guid}/reservations", DeskClinicianAndOps, "resourceId"),
        Row("GET /api/scheduling/appointment-types/", DeskClinicianAndOps),
        Row("GET /api/scheduling/appointment-types/{code}", DeskClinicianAndOps).With("code", "follow-up"),
        Row("PUT /api/scheduling/appointment-types/{code}", Ops).With("code", "follow-up"),
        Row("POST /api/scheduling/patients/", FrontDesk),
        Listed("POST /api/scheduling/patients/search", DeskAndClinician),
        Listed("GET /api/scheduling/patients/possible-duplicates", FrontDesk),
        Listed("GET /api/scheduling/patients/display-names", DeskAndClinician),
        Record("GET /api/scheduling/patients/{patientId:guid}", DeskAndClinician, "patientId"),
        Record("POST /api/scheduling/patients/{patientId:guid}/corrections", FrontDesk, "patientId"),
        Record("GET /api/scheduling/patients/{patientId:guid}/appointments", DeskAndClinician, "patientId"),
        Row("POST /api/scheduling/providers/", DeskAndOps),
        Listed("GET /api/scheduling/providers/", DeskClinicianAndOps),
        Record("GET /api/scheduling/providers/{providerId:guid}", DeskClinicianAndOps, "providerId"),
        Record("POST /api/scheduling/providers/{providerId:guid}/slots", DeskAndOps, "providerId"),
        Record("GET /api/scheduling/providers/{providerId:guid}/slots", DeskClinicianAndOps, "providerId"),
        Record("PUT /api/scheduling/providers/{providerId:guid}/template", Ops, "providerId"),
        Record("POST /api/scheduling/providers/{providerId:guid}/template/generation", Ops, "providerId"),
        Record("POST /api/scheduling/providers/{providerId:guid}/blocks", DeskAndOps, "providerId"),
        Record("GET /api/scheduling/providers/{providerId:guid}/days/{date}", DeskAndClinician, "providerId"),
        Listed("GET /api/scheduling/slots/free", DeskClinicianAndOps),
        Row("POST /api/scheduling/appointments/", FrontDesk),
        Row("POST /api/scheduling/appointments/walk-ins", FrontDesk),
        Record("GET /api/scheduling/appointments/{appointmentId:guid}", DeskAndClinician, "appointmentId"),
        Record("POST /api/scheduling/appointments/{appointmentId:guid}/reschedule", FrontDesk, "appointmentId"),
        Record("POST /api/scheduling/appointments/{appointmentId:guid}/cancellation", FrontDesk, "appointmentId"),
        Record("POST /api/scheduling/appointments/{appointmentId:guid}/check-in", FrontDesk, "appointmentId"),
        Record("POST /api/scheduling/appointments/{appointmentId:guid}/check-out", FrontDesk, "appointmentId"),
        Record("POST /api/scheduling/appointments/{appointmentId:guid}/arrival-correction", FrontDesk, "appointmentId"),
        Row("POST /api/scheduling/waitlist/", FrontDesk),
        Listed("GET /api/scheduling/waitlist/", DeskAndClinician),
        Record("GET /api/scheduling/waitlist/{entryId:guid}", DeskAndClinician, "entryId"),
        Record("POST /api/scheduling/waitlist/{entryId:guid}/acceptance", FrontDesk, "entryId"),
        Record("POST /api/scheduling/waitlist/{entryId:guid}/declination", FrontDesk, "entryId"),
        Record("POST /api/scheduling/waitlist/{entryId:guid}/withdrawal", FrontDesk, "entryId"),
        .. Operations("scheduling"),
    ];

    /// <summary>The north clinic, a room, a patient registered there, a provider with a booked slot and a waitlist entry.</summary>
    protected override async Task<IReadOnlyDictionary<string, string>> SeedAsync()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var desk = factory.FrontDesk();
        var appointment = await SchedulingFactory.PostAsync<AppointmentDetails>(desk, "/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" });
        var entry = await SchedulingFactory.PostAsync<WaitlistEntryDetails>(desk, "/api/scheduling/waitlist",
            new { patientId = await factory.RegisterPatientAsync(), visitType = "follow-up", providerId });
        var listed = await desk.GetAsync($"/api/scheduling/resources?clinic={OwnClinic}&kind=Room");
        listed.StatusCode.Should().Be(HttpStatusCode.OK, await listed.Content.ReadAsStringAsync());
        var rooms = await listed.ReadAsAsync<IReadOnlyList<ResourceDetails>>();
        return new Dictionary<string, string>
        {
            ["code"] = OwnClinic,
            ["patientId"] = patientId,
            ["providerId"] = providerId,
            ["appointmentId"] = appointment.AppointmentId.ToString(),
            ["entryId"] = entry.EntryId.ToString(),
            ["resourceId"] = rooms[0].ResourceId.ToString(),
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"),
        };
    }
}
