using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;

namespace PatientFlow.Scheduling.Waitlist.Joining;

/// <summary>Wait for a slot with <see cref="ProviderId"/>, or with any provider of <see cref="Specialty"/> and/or <see cref="Clinic"/>.</summary>
public sealed record JoinWaitlist(
    Guid PatientId, string VisitType, Guid? ProviderId = null, string? Specialty = null, string? Clinic = null,
    DateTimeOffset? EarliestStart = null, DateTimeOffset? LatestStart = null);

public static class JoinWaitlistDecider
{
    /// <summary>POST /waitlist: the patient waits for a slot of a provider, or of a specialty or clinic, within an optional window.</summary>
    public static async Task<Created<WaitlistEntryDetails>> Handle(
        JoinWaitlist command, WaitlistCommands commands, IQuerySession session, ClinicScope scope, CancellationToken ct)
    {
        await PatientDetails.LoadAsync(session, command.PatientId, ct);
        if (command.ProviderId is { } providerId)
        {
            await ProviderDetails.LoadInScopeAsync(session, scope, providerId, ct);
        }

        if (!string.IsNullOrWhiteSpace(command.Clinic))
        {
            scope.EnsureAdmits(TextField.Code("clinic", command.Clinic));
        }

        var type = await AppointmentTypeDetails.LoadAsync(session, command.VisitType, "visitType", ct);
        var waitlisted = Decide(Guid.CreateVersion7(), command, type.Code, commands.Now);
        return await commands.StartAsync(waitlisted.EntryId, $"/api/scheduling/waitlist/{waitlisted.EntryId}", [waitlisted]);
    }

    public static PatientWaitlisted Decide(Guid entryId, JoinWaitlist command, string visitType, DateTimeOffset now)
    {
        if (command.ProviderId is null && string.IsNullOrWhiteSpace(command.Specialty) && string.IsNullOrWhiteSpace(command.Clinic))
        {
            throw new InvalidFieldException("providerId", "name a provider, or a specialty and/or clinic to wait for");
        }

        if (command.LatestStart is { } latest && (latest <= now || latest < command.EarliestStart))
        {
            throw new InvalidFieldException("latestStart", "must be in the future and not before earliestStart");
        }

        return new PatientWaitlisted(
            entryId, command.PatientId, command.ProviderId,
            string.IsNullOrWhiteSpace(command.Specialty) ? null : TextField.Code("specialty", command.Specialty),
            string.IsNullOrWhiteSpace(command.Clinic) ? null : TextField.Code("clinic", command.Clinic),
            visitType, command.EarliestStart, command.LatestStart, now);
    }
}
