using PatientFlow.AppHost.Infrastructure;
using PatientFlow.AppHost.Launching;

namespace PatientFlow.AppHost;

internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            Run(args);
            return 0;
        }
        catch (LaunchException problem)
        {
            Console.Error.WriteLine($"run.sh: {problem.Message}");
            return problem.ExitCode;
        }
    }

    private static void Run(string[] args)
    {
        // The whole of PatientFlow on one machine, as one model: `./run.sh` runs it, the end-to-end tests start it with
        // Aspire.Hosting.Testing, and Aspire's dashboard shows every resource with its logs, traces and metrics.
        var launch = LaunchOptions.Parse(args);
        var builder = DistributedApplication.CreateBuilder(launch.ToBuilderOptions());
        builder.UseLocalDefaults(launch).WithReadinessWatch().WithStartGate(places: Environment.ProcessorCount).WithConsoleProgress();

        // This machine has no container engine, so PostgreSQL and RabbitMQ run as plain processes from Debian's packages,
        // with their data under --data. Where a container runtime exists, Aspire's own integrations take their place:
        // builder.AddPostgres("postgres") and builder.AddRabbitMQ("rabbitmq"); nothing below changes.
        var postgres = builder.AddLocalPostgres("postgres", launch.DataDirectory);
        var rabbitmq = builder.AddLocalRabbitMq("rabbitmq", launch.DataDirectory);
        if (launch.InfrastructureOnly is { } envFile)
        {
            builder.WriteServerVariablesWhenReady(envFile, postgres, rabbitmq);
            builder.Build().Run();
            return;
        }

        // One audit database for the whole platform (docs/audit.md): the privacy officer's reports span services. The audit
        // service owns it (table, insert-only writer role); the services sign in as the writer and cannot rewrite it.
        var auditDatabase = postgres.AddDatabase("audit-db", "audit");
        var auditWriterPassword = builder.AddParameter("audit-writer-password",
            Secret.ReadOrCreate(Path.Combine(launch.DataDirectory, "audit-writer-password")), secret: true);
        var audit = builder.AddProject<Projects.PatientFlow_Audit>("audit")
            .WithPlatformDefaults(launch)
            .WithReference(auditDatabase, connectionName: "audit-db-owner").WaitFor(auditDatabase)
            .WithEnvironment("Audit__WriterPassword", auditWriterPassword);
        var auditWriter = ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={postgres.GetEndpoint("tcp").Property(EndpointProperty.Port)};Database=audit;Username=audit_writer;Password={auditWriterPassword.Resource}");

        // Every service owns a database on the server and a queue per consumer on the broker, and writes its audit chain.
        // It applies its schema as the database's owner and works as a runtime role that cannot change or delete events.
        IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new()
        {
            var database = postgres.AddDatabase($"{name}-db", name);
            var runtimePassword = builder.AddParameter($"{name}-db-runtime-password",
                Secret.ReadOrCreate(Path.Combine(launch.DataDirectory, $"{name}-db-runtime-password")), secret: true);
            var runtime = ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={postgres.GetEndpoint("tcp").Property(EndpointProperty.Port)};Database={name};Username={name}_runtime;Password={runtimePassword.Resource}");
            return builder.AddProject<TProject>(name)
                .WithPlatformDefaults(launch)
                .WithReference(database, connectionName: $"{name}-db-owner").WaitFor(database)
                .WithEnvironment($"ConnectionStrings__{name}-db", runtime)
                .WithReference(rabbitmq).WaitFor(rabbitmq)
                .WithEnvironment("ConnectionStrings__audit-db", auditWriter).WaitFor(audit)
                .WithReplicas(launch.Replicas);
        }

        // The OpenID Connect issuer: staff sign in on its pages (authorization code + PKCE), integrators get client-credential
        // tokens; its discovery document and keys are what a token is checked against.
        var identityDatabase = postgres.AddDatabase("identity-db", "identity");
        var identity = builder.AddProject<Projects.PatientFlow_Identity>("identity")
            .WithPlatformDefaults(launch, port: launch.GatewayPort is > 0 and var gatewayPort ? gatewayPort + 2 : null)
            .WithReference(identityDatabase).WaitFor(identityDatabase);

        // Scheduling answers lab (reference-range demographics) and referral (in-network booking) over gRPC.
        var scheduling = Service<Projects.PatientFlow_Scheduling>("scheduling").WithGrpcEndpoint();
        var lab = Service<Projects.PatientFlow_Lab>("lab").WithServiceReference(scheduling);
        var referral = Service<Projects.PatientFlow_Referral>("referral").WithServiceReference(scheduling);
        // Intake places orders through the lab and referral APIs.
        var intake = Service<Projects.PatientFlow_Intake>("intake").WithServiceReference(lab).WithServiceReference(referral);
        var billing = Service<Projects.PatientFlow_Billing>("billing");
        // Tracking serves the integrators' gRPC feed, which the gateway forwards on its own HTTP/2 port.
        var tracking = Service<Projects.PatientFlow_Tracking>("tracking").WithGrpcEndpoint();

        var gateway = builder.AddProject<Projects.PatientFlow_Gateway>("gateway")
            .WithPlatformDefaults(launch, port: launch.GatewayPort)
            .WithGrpcEndpoint(port: launch.GatewayPort is > 0 and var port ? port + 1 : null)
            .WithRoutesTo(scheduling, intake, lab, referral, billing, tracking, audit);
        // The pages sign in through the issuer and come back to the gateway's address.
        identity
            .WithEnvironment("Identity__Clients__patientflow-web__RedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/signed-in.html"))
            .WithEnvironment("Identity__Clients__patientflow-web__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/"));

        if (launch.Simulation is { } simulation)
        {
            // A seeded clinic day played through the gateway once everything is healthy.
            builder.AddProject<Projects.PatientFlow_Simulator>("simulator")
                .WithPlatformSettings(launch)
                .WithEnvironment("Simulation__Seed", simulation.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithEnvironment("Services__gateway__Url", gateway.GetEndpoint("http"))
                .WaitFor(gateway);
        }

        builder.PrintSummaryWhenReady(gateway, launch);
        builder.Build().Run();
    }
}
