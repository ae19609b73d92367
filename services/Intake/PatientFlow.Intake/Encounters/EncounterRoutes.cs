using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PatientFlow.Intake.Encounters.Administering;
using PatientFlow.Intake.Encounters.Completing;
using PatientFlow.Intake.Encounters.CorrectingEntries;
using PatientFlow.Intake.Encounters.CorrectingVitals;
using PatientFlow.Intake.Encounters.GettingDetails;
using PatientFlow.Intake.Encounters.Instructing;
using PatientFlow.Intake.Encounters.Ordering;
using PatientFlow.Intake.Encounters.RecordingHistory;
using PatientFlow.Intake.Encounters.RecordingVitals;
using PatientFlow.Intake.Encounters.Rooming;
using PatientFlow.Intake.Encounters.SeeingProvider;
using PatientFlow.Intake.Rooms;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Platform.EventStore;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Intake.Encounters;

public static class EncounterEndpoints
{
    public static IEndpointRouteBuilder MapEncounterEndpoints(this IEndpointRouteBuilder app)
    {
        var encounters = app.MapGroup("/api/intake/encounters/{visitId:guid}").RequireAuthorization(AccessPolicies.Intake).WithTags("Encounters");
        encounters.MapGet("/", GetEncounter);
        encounters.MapPost("/rooming", RoomPatient);
        encounters.MapPost("/vitals", (Guid visitId, RecordVitals command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => RecordVitalsDecider.Decide(state, command, now)));
        encounters.MapPost("/vitals/{vitalsId:guid}/correction", (Guid visitId, Guid vitalsId, CorrectVitals command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => CorrectVitalsDecider.Decide(state, vitalsId, command, now)));
        encounters.MapPost("/chief-complaint", (Guid visitId, RecordChiefComplaint command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => RecordChiefComplaintDecider.Decide(state, command, now)));
        encounters.MapPost("/problems", (Guid visitId, RecordProblem command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => RecordProblemDecider.Decide(state, command, now)));
        encounters.MapPost("/allergies", (Guid visitId, RecordAllergy command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => RecordAllergyDecider.Decide(state, command, now)));
        encounters.MapPost("/allergies/none-known", (Guid visitId, EncounterCommands commands) =>
            commands.DecideAsync(visitId, RecordAllergyDecider.DecideNoneKnown));
        encounters.MapPost("/medications/reconciliation", (Guid visitId, ReconcileMedications command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => ReconcileMedicationsDecider.Decide(state, command, now)));
        encounters.MapPost("/immunizations", (Guid visitId, AdministerImmunization command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => AdministerDecider.Decide(state, command, now)));
        encounters.MapPost("/injections", (Guid visitId, AdministerInjection command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => AdministerDecider.Decide(state, command, now)));
        encounters.MapPost("/instructions", (Guid visitId, GiveInstructions command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => GiveInstructionsDecider.Decide(state, command, now)));
        encounters.MapPost("/provider/start", (Guid visitId, [FromBody] StartProviderEncounter? command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => StartProviderEncounterDecider.Decide(state, command ?? new StartProviderEncounter(), now)));
        encounters.MapPost("/entries/{entryId:guid}/entered-in-error", (Guid visitId, Guid entryId, MarkEnteredInError command, EncounterCommands commands) =>
            commands.DecideAsync(visitId, (state, now) => MarkEnteredInErrorDecider.Decide(state, entryId, command, now)));
        encounters.MapPost("/orders/lab", OrderLabTests);
        encounters.MapPost("/orders/referral", RequestReferral);
        encounters.MapPost("/completion", CompleteEncounter);
        return app;
    }

    /// <summary>The encounter now, with its stream version as ETag; or with <c>?asOf=</c>, as it was known at that instant.</summary>
    private static async Task<Ok<EncounterDetails>> GetEncounter(
        Guid visitId, [FromQuery] string? asOf, IQuerySession session, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadNowOrAsOfAsync<EncounterDetails>(visitId, asOf, http, ct) ?? throw EncounterCommands.NoEncounter(visitId));

    /// <summary>Rooms the patient (or moves them): the encounter and both rooms are written in one commit, so a room holds one patient.</summary>
    private static async Task<Ok<EncounterDetails>> RoomPatient(
        Guid visitId, RoomPatient command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Encounter> logger, CancellationToken ct)
    {
        var code = RoomPatientDecider.CodeOf(command);
        var stream = await session.FetchForWritingAsync<Encounter>(visitId, http, ct);
        var state = stream.Aggregate ?? throw EncounterCommands.NoEncounter(visitId);
        var rooms = await LockRoomsAsync(session, state.Clinic, [code, .. state.Room is { } current ? [current] : Array.Empty<string>()], ct);
        var target = rooms[code].Aggregate ?? Room.Unused(state.Clinic, code);
        var previous = state.Room is { } from && from != code ? rooms[from].Aggregate : null;
        var (encounter, roomEvents) = RoomPatientDecider.Decide(state, target, previous, command, clock.GetUtcNow());
        stream.AppendMany(encounter);
        foreach (var e in roomEvents)
        {
            rooms[e is RoomVacated vacated ? vacated.Room : code].AppendOne(e);
        }

        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Encounter {VisitId}: roomed ({Count} events)", visitId, encounter.Count);
        return TypedResults.Ok(await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw EncounterCommands.NoEncounter(visitId));
    }

    /// <summary>Completes the encounter; the room it was in then needs cleaning, in the same commit.</summary>
    private static async Task<Ok<EncounterDetails>> CompleteEncounter(
        Guid visitId, CompleteEncounter command, IDocumentSession session, HttpContext http, TimeProvider clock, ILogger<Encounter> logger, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Encounter>(visitId, http, ct);
        var state = stream.Aggregate ?? throw EncounterCommands.NoEncounter(visitId);
        var completed = CompleteEncounterDecider.Decide(state, command, clock.GetUtcNow());
        stream.AppendMany(completed);
        if (state.Room is { } code)
        {
            var room = (await LockRoomsAsync(session, state.Clinic, [code], ct))[code];
            if (room.Aggregate is { VisitId: var occupant } current && occupant == visitId)
            {
                room.AppendOne(new RoomVacated(current.Id, current.Clinic, current.Code, visitId, ((EncounterCompleted)completed[0]).CompletedAt));
            }
        }

        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        logger.LogInformation("Encounter {VisitId} completed", visitId);
        return TypedResults.Ok(await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw EncounterCommands.NoEncounter(visitId));
    }

    /// <summary>Sends the tests to the lab service (as this clinician), then records the order with the lab's order ids.</summary>
    private static async Task<Ok<EncounterDetails>> OrderLabTests(
        Guid visitId, OrderLabTests command, IDocumentSession session, OrderingClients ordering, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Encounter>(visitId, http, ct);
        var state = stream.Aggregate ?? throw EncounterCommands.NoEncounter(visitId);
        var tests = PlaceOrdersDecider.Validate(state, command);
        var orderIds = await ordering.OrderLabTestsAsync(visitId, tests, command.Priority, http.Request.Headers.Authorization, ct);
        stream.AppendMany(PlaceOrdersDecider.Ordered(state, command, tests, orderIds, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        return TypedResults.Ok(await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw EncounterCommands.NoEncounter(visitId));
    }

    private static async Task<Ok<EncounterDetails>> RequestReferral(
        Guid visitId, RequestReferral command, IDocumentSession session, OrderingClients ordering, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.FetchForWritingAsync<Encounter>(visitId, http, ct);
        var state = stream.Aggregate ?? throw EncounterCommands.NoEncounter(visitId);
        PlaceOrdersDecider.Validate(state, command);
        var referralId = await ordering.RequestReferralAsync(visitId, command, http.Request.Headers.Authorization, ct);
        stream.AppendMany(PlaceOrdersDecider.Requested(state, command, referralId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        StreamVersion.SetETag(http, stream);
        return TypedResults.Ok(await session.LoadAsync<EncounterDetails>(visitId, ct) ?? throw EncounterCommands.NoEncounter(visitId));
    }

    /// <summary>Room streams locked in id order, so two roomings that share rooms wait instead of deadlocking.</summary>
    private static async Task<Dictionary<string, IEventStream<Room>>> LockRoomsAsync(IDocumentSession session, string clinic, IEnumerable<string> codes, CancellationToken ct)
    {
        var rooms = new Dictionary<string, IEventStream<Room>>();
        foreach (var code in codes.Distinct().OrderBy(c => Room.IdOf(clinic, c)))
        {
            rooms[code] = await session.Events.FetchForExclusiveWriting<Room>(Room.IdOf(clinic, code), ct);
        }

        return rooms;
    }
}
