using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Platform.EventStore;
using PatientFlow.Platform.Operations;
using PatientFlow.ServiceDefaults.OpenApi;

namespace PatientFlow.Platform;

public static class PlatformEndpoints
{
    /// <summary>What every service with an event store answers besides its own routes: its operations and its OpenAPI document.</summary>
    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapOperationsEndpoints();
        if (app.Services.GetService<ServiceIdentity>() is { } identity)
        {
            app.MapPatientFlowOpenApi(identity.Service);
        }

        return app;
    }
}
