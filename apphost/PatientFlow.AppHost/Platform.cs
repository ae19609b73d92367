using PatientFlow.AppHost.Model;

namespace PatientFlow.AppHost;

/// <summary>The PatientFlow platform as it runs on a developer machine.</summary>
public static class Platform
{
    public static PlatformModel DefineDefault(PlatformOptions options)
    {
        var builder = PlatformBuilder.Create(options);
        var postgres = builder.AddPostgres("postgres");
        var rabbit = builder.AddRabbitMq("rabbitmq");

        ServiceResource Service(string name, string folder) =>
            builder.AddService(name, $"services/{folder}/PatientFlow.{folder}")
                .WithDatabase(postgres, name).WithReference(rabbit).WithReplicas(options.Replicas);

        // Scheduling answers lab (reference-range demographics) and referral (in-network booking) over gRPC.
        var scheduling = Service("scheduling", "Scheduling").WithGrpcEndpoint();
        var lab = Service("lab", "Lab").WithReference(scheduling);
        var referral = Service("referral", "Referral").WithReference(scheduling);
        // Intake places orders through the lab and referral APIs, so it starts after them and knows their addresses.
        var intake = Service("intake", "Intake").WithReference(lab).WithReference(referral);
        var billing = Service("billing", "Billing");
        // Tracking serves the integrators' gRPC feed, which the gateway forwards on its own HTTP/2 port.
        var tracking = Service("tracking", "Tracking").WithGrpcEndpoint();

        builder.AddService("gateway", "gateway/PatientFlow.Gateway")
            .WithReference(scheduling).WithReference(intake).WithReference(lab)
            .WithReference(referral).WithReference(billing).WithReference(tracking)
            .WithHttpPort(options.GatewayPort)
            .WithGrpcEndpoint(options.GatewayPort > 0 ? options.GatewayPort + 1 : null);

        return builder.Build();
    }
}
