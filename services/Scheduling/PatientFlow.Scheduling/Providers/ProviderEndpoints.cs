using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Scheduling.Providers.Creating;
using PatientFlow.Scheduling.Providers.OpeningSlots;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Scheduling.Providers;

public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder app)
    {
        var providers = app.MapGroup("/api/scheduling/providers").RequireAuthorization(AccessPolicies.Scheduling);
        providers.MapPost("/", CreateProvider);
        providers.MapGet("/{providerId:guid}", GetProvider);
        providers.MapPost("/{providerId:guid}/slots", OpenSlots);
        providers.MapGet("/{providerId:guid}/slots", GetSlots);
        return app;
    }

    private static async Task<Created<ProviderDetails>> CreateProvider(
        CreateProvider command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var created = CreateProviderDecider.Decide(Guid.CreateVersion7(), command, clock.GetUtcNow());
        session.Events.StartStream<Provider>(created.ProviderId, created);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/scheduling/providers/{created.ProviderId}", ProviderDetails.Create(created));
    }

    private static async Task<Created<SlotsResponse>> OpenSlots(
        Guid providerId, OpenSlots command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Provider>(providerId, ct);
        var provider = stream.Aggregate ?? throw NotFound(providerId);
        var ids = Enumerable.Range(0, Math.Clamp(command.Count, 0, OpenSlotsDecider.MaxCount)).Select(_ => Guid.CreateVersion7()).ToList();
        var opened = OpenSlotsDecider.Decide(provider, command, ids, clock.GetUtcNow());
        stream.AppendOne(opened);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created(
            $"/api/scheduling/providers/{providerId}/slots",
            new SlotsResponse(providerId, [.. opened.Slots.Select(s => new SlotDetails(s.SlotId, s.StartsAt, s.EndsAt, SlotStatus.Free, null))]));
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
            _ => throw new InvalidFieldException("status", "must be free or booked"),
        };
        var provider = await session.LoadAsync<ProviderDetails>(providerId, ct) ?? throw NotFound(providerId);
        return TypedResults.Ok(new SlotsResponse(providerId, [.. provider.Slots.Where(s => wanted is null || s.Status == wanted)]));
    }

    private static NotFoundException NotFound(Guid providerId) => new($"provider {providerId} not found");

    public sealed record SlotsResponse(Guid ProviderId, IReadOnlyList<SlotDetails> Slots);
}
