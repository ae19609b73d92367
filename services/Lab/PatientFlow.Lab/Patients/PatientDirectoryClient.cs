using PatientFlow.Contracts.Grpc.Scheduling.V1;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.Platform.Grpc;

namespace PatientFlow.Lab.Patients;

/// <summary>Where lab learns a patient's sex and age for choosing reference ranges.</summary>
public interface IPatientDirectory
{
    Task<PatientDemographics> GetAsync(Guid patientId, DateOnly on, string? bearer, CancellationToken ct);
}

/// <summary>Asks scheduling, which keeps demographics, over gRPC as the user placing the order.</summary>
public sealed class PatientDirectoryClient(PatientDirectory.PatientDirectoryClient client, IConfiguration configuration) : IPatientDirectory
{
    public const string Scheduling = "scheduling";

    public async Task<PatientDemographics> GetAsync(Guid patientId, DateOnly on, string? bearer, CancellationToken ct)
    {
        GrpcCalls.EnsureConfigured(configuration, Scheduling);
        var deadline = configuration.GetValue("Services:scheduling:GrpcDeadline", TimeSpan.FromSeconds(5));
        var reply = await GrpcCalls.CallAsync("scheduling", () => client.GetReferenceDemographicsAsync(
            new GetReferenceDemographicsRequest { PatientId = patientId.ToString(), On = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            GrpcCalls.Options(bearer, deadline, ct)).ResponseAsync);
        return new PatientDemographics(Enum.TryParse<PatientSex>(reply.Sex, ignoreCase: true, out var sex) ? sex : PatientSex.Unknown, reply.AgeYears);
    }
}
