namespace PatientFlow.Intake.Encounters.Ordering;

public enum OrderPriority
{
    Routine,
    Urgent,
    Stat,
}

/// <summary>Lab tests by LOINC code, as the lab's catalog names them.</summary>
public sealed record OrderLabTests(IReadOnlyList<string?>? TestCodes = null, OrderPriority Priority = OrderPriority.Routine);

public enum ReferralKind
{
    Specialist,
    Imaging,
    Admission,
}

public enum ReferralUrgency
{
    Routine,
    Urgent,
    Emergent,
}

public sealed record RequestReferral(ReferralKind? Kind = null, string? Specialty = null, ReferralUrgency Urgency = ReferralUrgency.Routine, string? Reason = null);

public static class PlaceOrdersDecider
{
    public const int MaxTests = 20;

    /// <summary>POST /orders/lab: sends the tests to the lab service (as this clinician), then records the order with the lab's order ids.</summary>
    public static Task<Ok<EncounterDetails>> HandleLabOrder(
        Guid visitId, OrderLabTests command, EncounterCommands commands, OrderingClients ordering, HttpContext http, CancellationToken ct) =>
        commands.DecideAsync(visitId, async (state, now) =>
        {
            var tests = Validate(state, command);
            var orderIds = await ordering.OrderLabTestsAsync(visitId, tests, command.Priority, http.Request.Headers.Authorization, ct);
            return Ordered(state, command, tests, orderIds, now);
        });

    /// <summary>POST /orders/referral: asks the referral service for the referral, then records it with its id.</summary>
    public static Task<Ok<EncounterDetails>> HandleReferral(
        Guid visitId, RequestReferral command, EncounterCommands commands, OrderingClients ordering, HttpContext http, CancellationToken ct) =>
        commands.DecideAsync(visitId, async (state, now) =>
        {
            Validate(state, command);
            var referralId = await ordering.RequestReferralAsync(visitId, command, http.Request.Headers.Authorization, ct);
            return Requested(state, command, referralId, now);
        });

    /// <summary>What may be sent to the lab: an open encounter, 1 to 20 distinct test codes.</summary>
    public static IReadOnlyList<string> Validate(Encounter state, OrderLabTests command)
    {
        state.EnsureOpen();
        var codes = command.TestCodes ?? [];
        if (codes.Count is 0 or > MaxTests)
        {
            throw new InvalidFieldException("testCodes", $"must list between 1 and {MaxTests} tests");
        }

        var tests = codes.Select((code, i) => TextField.Required($"testCodes[{i}]", code, 16)).ToList();
        return tests.Distinct().Count() == tests.Count ? tests : throw new InvalidFieldException("testCodes", "lists a test twice");
    }

    public static void Validate(Encounter state, RequestReferral command)
    {
        state.EnsureOpen();
        _ = command.Kind ?? throw new InvalidFieldException("kind", "is required: specialist, imaging or admission");
        TextField.Required("specialty", command.Specialty);
        TextField.Required("reason", command.Reason, 500);
    }

    /// <summary>Recorded once the lab accepted every test, with the lab's order ids.</summary>
    public static IReadOnlyList<object> Ordered(Encounter state, OrderLabTests command, IReadOnlyList<string> tests, IReadOnlyList<Guid> labOrderIds, DateTimeOffset now) =>
        [new LabTestsOrdered(state.Id, state.PatientId, tests, command.Priority.ToString().ToLowerInvariant(), labOrderIds, now)];

    public static IReadOnlyList<object> Requested(Encounter state, RequestReferral command, Guid referralId, DateTimeOffset now) =>
        [new ReferralRequested(
            state.Id, state.PatientId, referralId, command.Kind!.Value.ToString().ToLowerInvariant(), command.Specialty!.Trim(),
            command.Urgency.ToString().ToLowerInvariant(), now)];
}
