using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatientFlow.Platform.Grpc;
using PatientFlow.ServiceDefaults.Grpc;

namespace PatientFlow.Platform.Grpc;

/// <summary>
/// gRPC between services. A serving service answers failures as gRPC statuses and listens on <c>Grpc:Url</c> (see
/// <see cref="GrpcListener"/>); a calling service finds it at <c>Services:&lt;name&gt;:GrpcUrl</c>.
/// </summary>
public static class GrpcHosting
{
    public static IHostApplicationBuilder AddPatientFlowGrpcServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<GrpcProblemInterceptor>();
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        return builder.ListenForGrpc();
    }

    /// <summary>
    /// A typed gRPC client for <paramref name="service"/>: transient failures (UNAVAILABLE) are retried up to
    /// 4 attempts with exponential backoff, always within the caller's deadline.
    /// </summary>
    public static IHttpClientBuilder AddPatientFlowGrpcClient<TClient>(this IHostApplicationBuilder builder, string service) where TClient : ClientBase
    {
        var configured = builder.Configuration[$"Services:{service}:GrpcUrl"];
        return builder.Services
            .AddGrpcClient<TClient>(options =>
            {
                // Unset, the client still resolves; each call then answers 503 naming the missing setting.
                options.Address = new Uri(string.IsNullOrEmpty(configured) ? GrpcCalls.Unconfigured : configured);
            })
            .ConfigureChannel(channel =>
            {
                channel.ServiceConfig = new ServiceConfig
                {
                    MethodConfigs =
                    {
                        new MethodConfig
                        {
                            Names = { MethodName.Default },
                            RetryPolicy = new RetryPolicy
                            {
                                MaxAttempts = 4,
                                InitialBackoff = TimeSpan.FromMilliseconds(100),
                                MaxBackoff = TimeSpan.FromSeconds(1),
                                BackoffMultiplier = 2,
                                RetryableStatusCodes = { StatusCode.Unavailable },
                            },
                        },
                    },
                };
            });
    }
}
