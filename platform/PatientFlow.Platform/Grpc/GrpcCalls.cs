using Grpc.Core;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Grpc;

/// <summary>Calling another service over gRPC: the caller's token goes along, and its answer becomes ours in problem-details terms.</summary>
public static class GrpcCalls
{
    public const string FieldTrailer = "field";
    public const string ConflictTrailer = "conflict";
    public const string ConflictingIdTrailer = "conflicting-id";

    /// <summary>The address a client gets when none is configured; <see cref="EnsureConfigured"/> answers 503 naming the setting before any call.</summary>
    public const string Unconfigured = "http://unconfigured.invalid";

    public static void EnsureConfigured(Microsoft.Extensions.Configuration.IConfiguration configuration, string service)
    {
        if (string.IsNullOrEmpty(configuration[$"Services:{service}:GrpcUrl"]))
        {
            throw new DependencyUnavailableException($"the {service} service's gRPC address is not configured (Services:{service}:GrpcUrl)");
        }
    }

    public static CallOptions Options(string? bearer, TimeSpan deadline, CancellationToken ct)
    {
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(bearer))
        {
            headers.Add("authorization", bearer);
        }

        return new CallOptions(headers, DateTime.UtcNow + deadline, ct);
    }

    /// <summary>
    /// Runs the call and states its failure in our terms: the other service's refusals as 422/404/409 with its reason
    /// (a field it names is given as <paramref name="fieldPrefix"/> + field), no answer in time as 503.
    /// </summary>
    public static async Task<T> CallAsync<T>(string who, Func<Task<T>> call, string fieldPrefix = "")
    {
        try
        {
            return await call();
        }
        catch (RpcException refused)
        {
            throw Translate(refused, who, fieldPrefix);
        }
        catch (HttpRequestException)
        {
            throw new DependencyUnavailableException($"{who} did not answer; nothing was changed. Retry shortly.");
        }
    }

    public static Exception Translate(RpcException refused, string who, string fieldPrefix = "")
    {
        var detail = refused.Status.Detail;
        return refused.StatusCode switch
        {
            StatusCode.InvalidArgument => new InvalidFieldException(
                fieldPrefix + (refused.Trailers.GetValue(FieldTrailer) ?? "request"), $"was refused by {who}: {detail}"),
            StatusCode.NotFound => new NotFoundException($"{who} answered: {detail}"),
            StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.Aborted => new ConflictException(
                $"{who} refused: {detail}",
                refused.Trailers.GetValue(ConflictTrailer),
                Guid.TryParse(refused.Trailers.GetValue(ConflictingIdTrailer), out var id) ? id : null),
            StatusCode.Unauthenticated or StatusCode.PermissionDenied => new ConflictException(
                $"{who} refused this user ({refused.StatusCode})", "authorization"),
            StatusCode.DeadlineExceeded => new DependencyUnavailableException($"{who} did not answer in time; retry shortly."),
            _ => new DependencyUnavailableException($"{who} did not answer ({refused.StatusCode}); nothing was changed. Retry shortly."),
        };
    }
}
