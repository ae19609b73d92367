using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Running;

/// <summary>Sends each scheduled call through the set-up or visit calls, keeping the ids the answers carry in the state.</summary>
public sealed class ClinicApi(GatewayClient gateway, ClinicDayPlan plan, SimulationState state)
{
    private readonly SetUpCalls setUp = new(gateway, plan, state);
    private readonly VisitCalls visits = new(gateway, state);

    public SimulationState State => state;

    public Task<ApiAnswer> SendAsync(ScheduledCall call, CancellationToken ct)
    {
        var visit = call.Visit is { } number ? plan.Visit(number) : null;
        return call.Kind switch
        {
            CallKind.DefineAppointmentType => setUp.DefineTypeAsync(VisitType.Of(call.Subject!), ct),
            CallKind.RegisterClinic => setUp.RegisterClinicAsync(plan.Clinic(call.Clinic), ct),
            CallKind.RegisterRoom => setUp.RegisterRoomAsync(plan.Clinic(call.Clinic), call.Subject!, ct),
            CallKind.CreateProvider => setUp.CreateProviderAsync(Provider(call), ct),
            CallKind.SetTemplate => setUp.SetTemplateAsync(Provider(call), ct),
            CallKind.GenerateSlots => setUp.GenerateSlotsAsync(Provider(call), ct),
            CallKind.RegisterPatient => visits.RegisterPatientAsync(visit!, ct),
            CallKind.Book => visits.BookAsync(visit!, ct),
            CallKind.WalkIn => visits.WalkInAsync(visit!, ct),
            CallKind.CheckIn => visits.CheckInAsync(visit!, ct),
            CallKind.Room => visits.RoomAsync(visit!, ct),
            CallKind.RecordVitals => visits.RecordVitalsAsync(visit!, ct),
            CallKind.RecordChiefComplaint => visits.RecordChiefComplaintAsync(visit!, ct),
            CallKind.StartProvider => visits.StartProviderAsync(visit!, ct),
            CallKind.OrderLab => visits.OrderLabAsync(visit!, ct),
            CallKind.CollectSpecimen => visits.CollectSpecimenAsync(visit!, ct),
            CallKind.RecordLabResult => visits.RecordResultAsync(visit!, call.Subject!, ct),
            CallKind.Refer => visits.ReferAsync(visit!, ct),
            CallKind.Complete => visits.CompleteAsync(visit!, ct),
            CallKind.CleanRoom => visits.CleanRoomAsync(visit!, ct),
            CallKind.CheckOut => visits.CheckOutAsync(visit!, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call.Kind, "no API call for this kind"),
        };
    }

    private ProviderPlan Provider(ScheduledCall call) => plan.Clinic(call.Clinic).Providers.Single(p => p.Key == call.Subject);
}
