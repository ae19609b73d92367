using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Providers.BlockingTime;
using PatientFlow.Scheduling.Providers.Creating;
using PatientFlow.Scheduling.Providers.FindingSlots;
using PatientFlow.Scheduling.Providers.GeneratingSlots;
using PatientFlow.Scheduling.Providers.GettingDay;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using PatientFlow.Scheduling.Providers.Templates;
using PatientFlow.Scheduling.Resources;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Providers;

public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        var providers = app.MapGroup("/api/scheduling/providers").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Providers and slots");
        providers.MapPost("/", CreateProvider);
        providers.MapGet("/", ListProviders);
        providers.MapGet("/{providerId:guid}", GetProvider);
        providers.MapPost("/{providerId:guid}/slots", OpenSlots);
        providers.MapGet("/{providerId:guid}/slots", GetSlots);
        providers.MapPut("/{providerId:guid}/template", SetTemplate).RequireAuthorization(AccessPolicies.SchedulingSetup);
        providers.MapPost("/{providerId:guid}/template/generation", GenerateSlots).RequireAuthorization(AccessPolicies.SchedulingSetup);
        providers.MapPost("/{providerId:guid}/blocks", BlockTime);
        providers.MapGet("/{providerId:guid}/days/{date}", GetDay);
        app.MapGroup("/api/scheduling/slots").RequireAuthorization(AccessPolicies.Scheduling).WithTags("Providers and slots").MapGet("/free", FindFreeSlots);
        return app;
    }

    private static async Task<Created<ProviderDetails>> CreateProvider(CreateProvider command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var clinic = await session.LoadAsync<ClinicDetails>(ClinicDetails.IdOf(command.Clinic ?? ""), ct)
            ?? throw new InvalidFieldException("clinic", "is not a registered clinic");
        var created = CreateProviderDecider.Decide(Guid.CreateVersion7(), clinic, command, clock.GetUtcNow());
        session.Events.StartStream<Provider>(created.ProviderId, created);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/providers/{created.ProviderId}", ProviderDetails.Create(created));
    }

    /// <summary>Providers, optionally of one clinic and specialty.</summary>
    private static async Task<Ok<IReadOnlyList<ProviderSummary>>> ListProviders(string? clinic, string? specialty, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ProviderSummary>>([.. (await Matching(session, clinic, specialty, ct)).Select(p => new ProviderSummary(p.ProviderId, p.Name, p.Specialty, p.Clinic))]);

    private static async Task<Created<SlotsResponse>> OpenSlots(Guid providerId, OpenSlots command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Provider>(providerId, ct);
        var provider = stream.Aggregate ?? throw NotFound(providerId);
        var ids = Enumerable.Range(0, Math.Clamp(command.Count, 0, OpenSlotsDecider.MaxCount)).Select(_ => Guid.CreateVersion7()).ToList();
        var opened = OpenSlotsDecider.Decide(provider, command, ids, clock.GetUtcNow());
        stream.AppendOne(opened);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/providers/{providerId}/slots", new SlotsResponse(providerId, [.. opened.Slots.Select(SlotDetails.Of)]));
    }

    private static async Task<Ok<ProviderDetails>> SetTemplate(Guid providerId, SetWeeklyTemplate command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Provider>(providerId, ct);
        var provider = stream.Aggregate ?? throw NotFound(providerId);
        var rooms = (await session.Query<ResourceDetails>().Where(r => r.Clinic == provider.Clinic && r.Kind == ResourceKind.Room).ToListAsync(ct))
            .ToDictionary(r => r.Code);
        stream.AppendOne(SetWeeklyTemplateDecider.Decide(provider, command, rooms, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(await session.LoadAsync<ProviderDetails>(providerId, ct) ?? throw NotFound(providerId));
    }

    private static async Task<Ok<SlotsResponse>> GenerateSlots(Guid providerId, GenerateSlots command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Provider>(providerId, ct);
        var provider = stream.Aggregate ?? throw NotFound(providerId);
        var clinic = await ClinicEndpoints.LoadAsync(session, provider.Clinic, ct);
        var opened = GenerateSlotsDecider.Decide(provider, clinic, command, Guid.CreateVersion7, clock.GetUtcNow());
        if (opened is not null)
        {
            stream.AppendOne(opened);
            await session.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(new SlotsResponse(providerId, [.. (opened?.Slots ?? []).Select(SlotDetails.Of)]));
    }

    private static async Task<Ok<BlockResponse>> BlockTime(Guid providerId, BlockTime command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Provider>(providerId, ct);
        var provider = stream.Aggregate ?? throw NotFound(providerId);
        var blockId = Guid.CreateVersion7();
        var (events, affected) = BlockTimeDecider.Decide(provider, command, blockId, clock.GetUtcNow());
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        var removed = events.OfType<SlotsRemoved>().SingleOrDefault()?.SlotIds ?? [];
        return TypedResults.Ok(new BlockResponse(blockId, removed.Count, affected));
    }

    private static async Task<Ok<ProviderDetails>> GetProvider(Guid providerId, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok(await session.LoadAsync<ProviderDetails>(providerId, ct) ?? throw NotFound(providerId));

    private static async Task<Ok<SlotsResponse>> GetSlots(Guid providerId, string? status, IQuerySession session, CancellationToken ct)
    {
        SlotStatus? wanted = status?.ToLowerInvariant() switch
        {
            null => null,
            "free" => SlotStatus.Free,
            "booked" => SlotStatus.Booked,
            "offered" => SlotStatus.Offered,
            _ => throw new InvalidFieldException("status", "must be free, booked or offered"),
        };
        var provider = await session.LoadAsync<ProviderDetails>(providerId, ct) ?? throw NotFound(providerId);
        return TypedResults.Ok(new SlotsResponse(providerId, [.. provider.Slots.Where(s => wanted is null || s.Status == wanted)]));
    }

    /// <summary>The provider's slots and appointments on one day of their clinic's calendar (<c>yyyy-MM-dd</c>).</summary>
    private static async Task<Ok<ProviderDay>> GetDay(Guid providerId, DateOnly date, IQuerySession session, CancellationToken ct)
    {
        var provider = await session.LoadAsync<ProviderDetails>(providerId, ct) ?? throw NotFound(providerId);
        var clinic = await ClinicEndpoints.LoadAsync(session, provider.Clinic, ct);
        var (from, to) = (clinic.At(date, TimeOnly.MinValue), clinic.At(date.AddDays(1), TimeOnly.MinValue));
        var appointments = await session.Query<AppointmentDetails>()
            .Where(a => a.ProviderId == providerId && a.StartsAt >= from && a.StartsAt < to)
            .OrderBy(a => a.StartsAt).ToListAsync(ct);
        return TypedResults.Ok(new ProviderDay(
            providerId, provider.Name, provider.Clinic, date,
            [.. (provider.Blocks ?? []).Where(b => b.StartsAt < to && from < b.EndsAt)],
            [.. provider.Slots.Where(s => s.StartsAt >= from && s.StartsAt < to)],
            [.. appointments.Select(DayAppointment.Of)]));
    }

    /// <summary>Free slots on a clinic day, by specialty and/or clinic, earliest first.</summary>
    private static async Task<Ok<IReadOnlyList<FreeSlot>>> FindFreeSlots(
        DateOnly date, string? specialty, string? clinic, IQuerySession session, TimeProvider clock, CancellationToken ct)
        => TypedResults.Ok(await FreeSlotsAsync(session, date, specialty, clinic, clock.GetUtcNow(), ct));

    public static async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(
        IQuerySession session, DateOnly date, string? specialty, string? clinic, DateTimeOffset now, CancellationToken ct)
    {
        var found = new List<FreeSlot>();
        foreach (var group in (await Matching(session, clinic, specialty, ct)).GroupBy(p => p.Clinic))
        {
            var clinicDetails = await ClinicEndpoints.LoadAsync(session, group.Key, ct);
            found.AddRange(group.SelectMany(p => p.Slots
                .Where(s => s.Status == SlotStatus.Free && s.StartsAt > now && clinicDetails.DayOf(s.StartsAt) == date)
                .Select(s => new FreeSlot(p.ProviderId, p.Name, p.Specialty, p.Clinic, s.SlotId, s.StartsAt, s.EndsAt, s.RoomId))));
        }

        return [.. found.OrderBy(s => s.StartsAt).ThenBy(s => s.ProviderName)];
    }

    private static async Task<IReadOnlyList<ProviderDetails>> Matching(IQuerySession session, string? clinic, string? specialty, CancellationToken ct)
    {
        var query = session.Query<ProviderDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(clinic))
        {
            var code = clinic.Trim().ToLowerInvariant();
            query = query.Where(p => p.Clinic == code);
        }

        if (!string.IsNullOrWhiteSpace(specialty))
        {
            var wanted = specialty.Trim().ToLowerInvariant();
            query = query.Where(p => p.Specialty == wanted);
        }

        return await query.OrderBy(p => p.Name).ToListAsync(ct);
    }

    private static NotFoundException NotFound(Guid providerId) => new($"provider {providerId} not found");

    public sealed record SlotsResponse(Guid ProviderId, IReadOnlyList<SlotDetails> Slots);

    public sealed record ProviderSummary(Guid ProviderId, string Name, string Specialty, string Clinic);

    /// <param name="AffectedAppointments">Booked appointments inside the block: still booked, to be moved with the patient.</param>
    public sealed record BlockResponse(Guid BlockId, int SlotsRemoved, IReadOnlyList<Guid> AffectedAppointments);
}
