using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Platform.Grpc;

/// <summary>
/// The gRPC face of the problem-details rules: a refused request becomes a status code with trailers naming
/// what was wrong (<c>field</c>, <c>conflict</c>, <c>conflicting-id</c>), so the caller can say it in its own API.
/// </summary>
public sealed class GrpcProblemInterceptor(ILogger<GrpcProblemInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception failure) when (failure is not RpcException && ToStatus(failure) is { } refused)
        {
            logger.LogInformation("{Method} refused: {Status}", context.Method, refused.Status.StatusCode);
            throw refused;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception failure) when (failure is not RpcException && ToStatus(failure) is { } refused)
        {
            logger.LogInformation("{Method} refused: {Status}", context.Method, refused.Status.StatusCode);
            throw refused;
        }
    }

    public static RpcException? ToStatus(Exception failure)
    {
        var inner = failure is AggregateException { InnerException: { } first } ? first : failure;
        var trailers = new Metadata();
        switch (inner)
        {
            case InvalidFieldException invalid:
                trailers.Add(GrpcCalls.FieldTrailer, invalid.Field);
                return new RpcException(new Status(StatusCode.InvalidArgument, $"{invalid.Field} {invalid.Message}"), trailers);
            case NotFoundException notFound:
                return new RpcException(new Status(StatusCode.NotFound, notFound.Message));
            case ConflictException conflict:
                if (conflict.Kind is { } kind)
                {
                    trailers.Add(GrpcCalls.ConflictTrailer, kind);
                }

                if (conflict.ConflictingId is { } id)
                {
                    trailers.Add(GrpcCalls.ConflictingIdTrailer, id.ToString());
                }

                return new RpcException(new Status(StatusCode.FailedPrecondition, conflict.Message), trailers);
            case DependencyUnavailableException unavailable:
                return new RpcException(new Status(StatusCode.Unavailable, unavailable.Message));
            case Npgsql.NpgsqlException { IsTransient: true } or TimeoutException:
                return new RpcException(new Status(StatusCode.Unavailable, "the store is not answering; retry shortly"));
            default:
                return null;
        }
    }
}
