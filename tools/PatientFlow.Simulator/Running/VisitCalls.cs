using System.Globalization;
using System.Net;
using System.Text.Json;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Running;

/// <summary>
/// What the front desk, the care team and the lab do for one visit, as the README's walk-through does. Every
/// clinical time sent is the plan's, so the records match the plan however late a call goes out.
/// </summary>
public sealed class VisitCalls(GatewayClient gateway, SimulationState state)
{
    private static readonly JsonElement SlotNotOpened =
        JsonDocument.Parse("""{"title":"the slot was not opened: slot generation ran after it started"}""").RootElement.Clone();

    public async Task<ApiAnswer> RegisterPatientAsync(PlannedVisit visit, CancellationToken ct)
    {
        var patient = visit.Patient;
        var answer = await gateway.PostAsync(Roles.FrontDesk, "/api/scheduling/patients", new
        {
            mrn = patient.Mrn,
            firstName = patient.FirstName,
            lastName = patient.LastName,
            dateOfBirth = patient.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sex = patient.Sex,
            clinic = visit.Clinic,
        }, ct);
        if (answer.Succeeded)
        {
            state.Patients[visit.Number] = Guid.Parse(answer.Field("patientId"));
        }

        return answer;
    }

    public async Task<ApiAnswer> BookAsync(PlannedVisit visit, CancellationToken ct)
    {
        if (!state.Slots.TryGetValue((visit.Provider, visit.ScheduledAt!.Value), out var slotId))
        {
            // Generation opens only slots still ahead of the clock: a set-up that ran late leaves the earliest out.
            return new ApiAnswer(HttpStatusCode.Gone, SlotNotOpened);
        }

        return Visited(visit, await gateway.PostAsync(Roles.FrontDesk, "/api/scheduling/appointments", new
        {
            patientId = state.Patients[visit.Number],
            providerId = state.Providers[visit.Provider],
            slotId,
            visitType = visit.VisitType,
        }, ct));
    }

    public async Task<ApiAnswer> WalkInAsync(PlannedVisit visit, CancellationToken ct) =>
        Visited(visit, await gateway.PostAsync(Roles.FrontDesk, "/api/scheduling/appointments/walk-ins", new
        {
            patientId = state.Patients[visit.Number],
            providerId = state.Providers[visit.Provider],
            visitType = visit.VisitType,
            arrivedAt = visit.ArrivesAt,
            demographicsConfirmed = true,
            insuranceConfirmed = true,
        }, ct));

    public Task<ApiAnswer> CheckInAsync(PlannedVisit visit, CancellationToken ct) =>
        gateway.PostAsync(Roles.FrontDesk, Appointment(visit, "check-in"), new { arrivedAt = visit.ArrivesAt, demographicsConfirmed = true, insuranceConfirmed = true }, ct);

    public Task<ApiAnswer> RoomAsync(PlannedVisit visit, CancellationToken ct) =>
        Encounter(visit, "rooming", new { room = visit.Times!.Room, roomedAt = visit.Times.RoomedAt }, ct);

    public Task<ApiAnswer> RecordVitalsAsync(PlannedVisit visit, CancellationToken ct)
    {
        var vitals = visit.Care.Vitals;
        return Encounter(visit, "vitals", new
        {
            systolicBp = vitals.SystolicBp,
            diastolicBp = vitals.DiastolicBp,
            heartRate = vitals.HeartRate,
            temperature = vitals.TemperatureF,
            temperatureUnit = "F",
            spo2 = vitals.Spo2,
            takenAt = visit.Times!.VitalsAt,
        }, ct);
    }

    public Task<ApiAnswer> RecordChiefComplaintAsync(PlannedVisit visit, CancellationToken ct) =>
        Encounter(visit, "chief-complaint", new { text = VisitType.Of(visit.VisitType).Complaint }, ct);

    public Task<ApiAnswer> StartProviderAsync(PlannedVisit visit, CancellationToken ct) =>
        Encounter(visit, "provider/start", new { startedAt = visit.Times!.ProviderStartAt }, ct);

    public async Task<ApiAnswer> OrderLabAsync(PlannedVisit visit, CancellationToken ct)
    {
        var answer = await Encounter(visit, "orders/lab", new { testCodes = visit.Care.Lab!.Tests.Select(t => t.Code) }, ct);
        if (answer.Succeeded)
        {
            var ordered = answer.Body.GetProperty("labOrders").EnumerateArray().Last();
            state.LabOrders[visit.Number] = ordered.GetProperty("value").GetProperty("labOrderIds")[0].GetGuid();
        }

        return answer;
    }

    public Task<ApiAnswer> CollectSpecimenAsync(PlannedVisit visit, CancellationToken ct) =>
        gateway.PostAsync(Roles.Lab, $"/api/lab/orders/{state.LabOrders[visit.Number]}/specimens",
            new { specimenType = "blood", collectedAt = visit.SpecimenCollectedAt }, ct, untilKnown: true);

    public Task<ApiAnswer> RecordResultAsync(PlannedVisit visit, string testCode, CancellationToken ct)
    {
        var result = visit.Care.Lab!.Tests.Single(t => t.Code == testCode);
        return gateway.PostAsync(Roles.Lab, $"/api/lab/orders/{state.LabOrders[visit.Number]}/tests/{testCode}/result",
            new { value = result.Value.ToString(CultureInfo.InvariantCulture), unit = result.Unit, resultedAt = visit.ResultedAt }, ct);
    }

    public Task<ApiAnswer> ReferAsync(PlannedVisit visit, CancellationToken ct) =>
        Encounter(visit, "orders/referral", new { kind = "specialist", specialty = visit.Care.Referral!.Specialty, urgency = "routine", reason = visit.Care.Referral.Reason }, ct);

    public Task<ApiAnswer> CompleteAsync(PlannedVisit visit, CancellationToken ct)
    {
        var type = VisitType.Of(visit.VisitType);
        return Encounter(visit, "completion", new
        {
            diagnoses = type.Diagnoses.Select((code, i) => new { code, primary = i == 0 }),
            procedures = new[] { new { code = type.ProcedureCode, units = 1 } },
            completedAt = visit.Times!.ProviderDoneAt,
        }, ct);
    }

    public Task<ApiAnswer> CleanRoomAsync(PlannedVisit visit, CancellationToken ct) =>
        gateway.PostAsync(Roles.Clinician, $"/api/intake/rooms/{visit.Clinic}/{visit.Times!.Room}/cleaned", new { }, ct);

    public Task<ApiAnswer> CheckOutAsync(PlannedVisit visit, CancellationToken ct) =>
        gateway.PostAsync(Roles.FrontDesk, Appointment(visit, "check-out"), new { departedAt = visit.Times!.CheckedOutAt }, ct);

    private ApiAnswer Visited(PlannedVisit visit, ApiAnswer answer)
    {
        if (answer.Succeeded)
        {
            state.Visits[visit.Number] = Guid.Parse(answer.Field("appointmentId"));
        }

        return answer;
    }

    private string Appointment(PlannedVisit visit, string action) => $"/api/scheduling/appointments/{state.Visits[visit.Number]}/{action}";

    /// <summary>Intake opens the encounter when it hears of the arrival, and orders go to services that hear of the visit too: 404 and 409 are retried a while.</summary>
    private Task<ApiAnswer> Encounter(PlannedVisit visit, string action, object body, CancellationToken ct) =>
        gateway.PostAsync(Roles.Clinician, $"/api/intake/encounters/{state.Visits[visit.Number]}/{action}", body, ct, untilKnown: true);
}
