using PatientFlow.Simulator.Planning;

namespace PatientFlow.Simulator.Running;

/// <summary>
/// The plan as API calls in simulated-time order: operations set the clinics up, the front desk registers and
/// books every patient before the doors open, then each visit's arrival, rooming, vitals, provider, orders,
/// completion, the room's cleaning and the check-out happen when the plan says.
/// </summary>
public sealed class Schedule
{
    /// <summary>Names calls that belong to no clinic (appointment types).</summary>
    public const string EveryClinic = "";

    private readonly List<ScheduledCall> calls = [];
    private readonly Dictionary<string, string> lastCleaning = [];

    public IReadOnlyList<ScheduledCall> Calls => calls;

    /// <summary>
    /// Set-up and bookings are planned up to this instant. They go as soon as the platform answers, even before
    /// the clock gets there: slots must be booked before they start, however long the platform took to start.
    /// </summary>
    public DateTimeOffset Preparation { get; private init; }

    /// <summary>The last instant the schedule covers: the <c>until</c> it was built for, else when the plan's day ends.</summary>
    public DateTimeOffset Until { get; private init; }

    /// <param name="clinics">Only these clinics' calls; all when null.</param>
    /// <param name="until">Only calls up to this instant; the whole day when null.</param>
    public static Schedule Build(ClinicDayPlan plan, IReadOnlyCollection<string>? clinics = null, DateTimeOffset? until = null)
    {
        var schedule = new Schedule { Preparation = plan.SetUpAt.AddMinutes(1), Until = until ?? plan.Ends };
        schedule.SetUp(plan);
        schedule.BookAhead(plan);
        foreach (var visit in plan.Visits.Where(v => v.Times is not null).OrderBy(v => v.Times!.RoomedAt).ThenBy(v => v.Number))
        {
            schedule.Run(visit);
        }

        foreach (var walkIn in plan.Visits.Where(v => v.IsWalkIn && v.Times is null))
        {
            schedule.Arrive(walkIn);
        }

        var kept = schedule.calls
            .Where(call => call.Clinic == EveryClinic || clinics is null || clinics.Contains(call.Clinic))
            .Where(call => until is null || call.At <= until)
            .OrderBy(call => call.At)
            .ToList();
        schedule.calls.Clear();
        schedule.calls.AddRange(kept);
        return schedule;
    }

    private void SetUp(ClinicDayPlan plan)
    {
        var at = plan.SetUpAt;
        foreach (var type in VisitType.All)
        {
            Add(at, CallKind.DefineAppointmentType, $"type:{type.Code}", EveryClinic, [], subject: type.Code);
        }

        foreach (var clinic in plan.Clinics)
        {
            var registered = $"clinic:{clinic.Code}";
            Add(at, CallKind.RegisterClinic, registered, clinic.Code, []);
            foreach (var room in clinic.Rooms)
            {
                Add(at, CallKind.RegisterRoom, $"room:{clinic.Code}:{room}", clinic.Code, [registered], subject: room);
            }

            foreach (var provider in clinic.Providers)
            {
                Add(at, CallKind.CreateProvider, $"provider:{provider.Key}", clinic.Code, [registered], subject: provider.Key);
                Add(at, CallKind.SetTemplate, $"template:{provider.Key}", clinic.Code, [$"provider:{provider.Key}", $"room:{clinic.Code}:{provider.Room}"], subject: provider.Key);
                Add(at, CallKind.GenerateSlots, $"slots:{provider.Key}", clinic.Code, [$"template:{provider.Key}"], subject: provider.Key);
            }
        }
    }

    /// <summary>Every booking right after set-up, earliest slot first, so the first slots are taken before they start.</summary>
    private void BookAhead(ClinicDayPlan plan)
    {
        var at = Preparation;
        foreach (var visit in plan.Visits.Where(v => !v.IsWalkIn).OrderBy(v => v.ScheduledAt).ThenBy(v => v.Number))
        {
            Add(at, CallKind.RegisterPatient, $"patient:{visit.Number}", visit.Clinic, [], visit.Number);
            Add(at, CallKind.Book, Step(visit, "book"), visit.Clinic,
                [$"patient:{visit.Number}", $"slots:{visit.Provider}", $"type:{visit.VisitType}"], visit.Number, visit.Provider);
        }
    }

    private void Arrive(PlannedVisit visit)
    {
        var at = visit.ArrivesAt!.Value;
        if (visit.IsWalkIn)
        {
            Add(at, CallKind.RegisterPatient, $"patient:{visit.Number}", visit.Clinic, [], visit.Number);
            Add(at, CallKind.WalkIn, Step(visit, "arrive"), visit.Clinic,
                [$"patient:{visit.Number}", $"slots:{visit.Provider}", $"type:{visit.VisitType}"], visit.Number, visit.Provider);
        }
        else
        {
            Add(at, CallKind.CheckIn, Step(visit, "arrive"), visit.Clinic, [Step(visit, "book")], visit.Number);
        }
    }

    private void Run(PlannedVisit visit)
    {
        var times = visit.Times!;
        Arrive(visit);
        var roomKey = $"{visit.Clinic}:{times.Room}";
        calls.Add(new ScheduledCall(times.RoomedAt, CallKind.Room, Step(visit, "room"), visit.Clinic, [Step(visit, "arrive")], visit.Number, times.Room)
        {
            After = lastCleaning.TryGetValue(roomKey, out var cleaning) ? [cleaning] : [],
        });
        Add(times.VitalsAt, CallKind.RecordVitals, Step(visit, "vitals"), visit.Clinic, [Step(visit, "room")], visit.Number);
        Add(times.VitalsAt, CallKind.RecordChiefComplaint, Step(visit, "complaint"), visit.Clinic, [Step(visit, "vitals")], visit.Number);
        Add(times.ProviderStartAt, CallKind.StartProvider, Step(visit, "provider"), visit.Clinic, [Step(visit, "complaint")], visit.Number);
        List<string> beforeCompletion = [Step(visit, "provider")];
        if (visit.Care.Lab is { } lab)
        {
            Add(visit.LabOrderedAt!.Value, CallKind.OrderLab, Step(visit, "lab"), visit.Clinic, [Step(visit, "provider")], visit.Number);
            Add(visit.SpecimenCollectedAt!.Value, CallKind.CollectSpecimen, Step(visit, "specimen"), visit.Clinic, [Step(visit, "lab")], visit.Number);
            // One result after the other: results on the same order at once would race for its stream.
            var previous = Step(visit, "specimen");
            foreach (var test in lab.Tests)
            {
                Add(visit.ResultedAt!.Value, CallKind.RecordLabResult, Step(visit, $"result:{test.Code}"), visit.Clinic, [previous], visit.Number, test.Code);
                previous = Step(visit, $"result:{test.Code}");
            }

            beforeCompletion.Add(Step(visit, "lab"));
        }

        if (visit.Care.Referral is not null)
        {
            Add(visit.ReferredAt!.Value, CallKind.Refer, Step(visit, "referral"), visit.Clinic, [Step(visit, "provider")], visit.Number);
            beforeCompletion.Add(Step(visit, "referral"));
        }

        Add(times.ProviderDoneAt, CallKind.Complete, Step(visit, "complete"), visit.Clinic, beforeCompletion, visit.Number);
        lastCleaning[roomKey] = Step(visit, "clean");
        Add(times.RoomCleanedAt, CallKind.CleanRoom, Step(visit, "clean"), visit.Clinic, [Step(visit, "complete")], visit.Number, times.Room);
        Add(times.CheckedOutAt, CallKind.CheckOut, Step(visit, "check-out"), visit.Clinic, [Step(visit, "complete")], visit.Number);
    }

    private static string Step(PlannedVisit visit, string step) => $"visit:{visit.Number}:{step}";

    private void Add(DateTimeOffset at, CallKind kind, string key, string clinic, IReadOnlyList<string> needs, int? visit = null, string? subject = null) =>
        calls.Add(new ScheduledCall(at, kind, key, clinic, needs, visit, subject));
}
