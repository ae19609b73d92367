using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Deciders;

/// <summary>
/// Given(events of the provider, patient, room and equipment streams, in any order).When(booking).Then(events
/// on every stream, then the appointment's). Events are routed to their stream by type and id.
/// </summary>
internal sealed class BookingSpec
{
    private readonly List<object> _provider = [];
    private readonly List<object> _patient = [];
    private readonly Dictionary<Guid, Resource> _resources = [];
    private AppointmentTypeDetails _type = Schedule.FollowUp;

    public static BookingSpec Given(params object[] history)
    {
        var spec = new BookingSpec();
        foreach (var @event in history)
        {
            switch (@event)
            {
                case PatientRegistered or PatientAppointmentHeld or PatientAppointmentReleased:
                    spec._patient.Add(@event);
                    break;
                case ResourceRegistered { ResourceId: var id }:
                    spec._resources[id] = Spec<Resource>.Fold(null, [@event])!;
                    break;
                case ResourceReserved { ResourceId: var id }:
                    spec._resources[id] = Spec<Resource>.Fold(spec._resources[id], [@event])!;
                    break;
                case ResourceReleased { ResourceId: var id }:
                    spec._resources[id] = Spec<Resource>.Fold(spec._resources[id], [@event])!;
                    break;
                default:
                    spec._provider.Add(@event);
                    break;
            }
        }

        return spec;
    }

    public BookingSpec OfType(AppointmentTypeDetails type)
    {
        _type = type;
        return this;
    }

    public BookingTarget Target()
    {
        var provider = ProviderSpec.Build([.. _provider]);
        var patient = Spec<PatientSchedule>.Given([.. _patient]).State;
        var room = _resources.Values.FirstOrDefault(r => r.Kind == ResourceKind.Room);
        return new BookingTarget(provider, patient, _type, room, [.. _resources.Values.Where(r => r.Kind == ResourceKind.Equipment)]);
    }

    public DecisionOutcome When(Slot slot, Guid appointmentId, Guid? acceptingOffer = null) => new(() =>
    {
        var command = new BookAppointment(Schedule.PatientId, Schedule.ProviderId, slot.SlotId, _type.Code);
        var (placement, booked) = BookAppointmentDecider.Decide(Target(), command, appointmentId, Schedule.Now, acceptingOffer: acceptingOffer);
        return [.. placement.SlotEvents, placement.Hold, .. placement.Reservations, booked];
    });
}
