using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Scheduling.Patients;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Scheduling.Integration.Grpc;

/// <summary>Sex and age on a date, for choosing a lab reference range: the minimum a lab needs, never the birth date itself.</summary>
[Authorize(Policy = AccessPolicies.PatientDirectory)]
public sealed class PatientDirectoryService(IDocumentStore store) : PatientDirectory.PatientDirectoryBase
{
    public override async Task<ReferenceDemographics> GetReferenceDemographics(GetReferenceDemographicsRequest request, ServerCallContext context)
    {
        var patientId = Guid.TryParse(request.PatientId, out var id) ? id : throw new InvalidFieldException("patient_id", "must be an id");
        var on = DateOnly.TryParseExact(request.On, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidFieldException("on", "must be a date like 2026-03-04");
        await using var session = store.QuerySession();
        // Asked on behalf of the lab's user (their token came along): a patient of none of their clinics is not found.
        var scope = context.GetHttpContext().RequestServices.GetRequiredService<ClinicScope>();
        if (await PatientClinics.FindAsync(session, patientId, context.CancellationToken) is not { } where || !scope.AdmitsAny(where.Clinics))
        {
            throw PatientSchedule.NotFound(patientId);
        }

        var patient = await PatientDetails.LoadAsync(session, patientId, context.CancellationToken);
        return new ReferenceDemographics { Sex = patient.Sex.ToString().ToLowerInvariant(), AgeYears = AgeOn(patient.DateOfBirth, on) };
    }

    public static int AgeOn(DateOnly born, DateOnly on) =>
        Math.Max(0, on.Year - born.Year - (on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day) ? 1 : 0));
}
