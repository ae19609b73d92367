using PatientFlow.ServiceDefaults.Production;

namespace PatientFlow.Gateway.Edge;

/// <summary>
/// Outside Development the gateway speaks HTTPS with the certificate from <c>Kestrel:Certificates:Default</c> (or an
/// endpoint's own under <c>Kestrel:Endpoints</c>): plain HTTP only redirects there, and browsers are told to remember
/// it (HSTS). The internal port stays plain HTTP inside the cluster. Production refuses a gateway without HTTPS
/// (ProductionGuard).
/// </summary>
public static class HttpsEdge
{
    public static IHostApplicationBuilder AddHttpsEdge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddHttpsRedirection(redirect =>
        {
            redirect.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            // With a gRPC port beside it, the server has two https addresses and could not pick one; https_port still wins.
            redirect.HttpsPort = builder.Configuration.GetValue<int?>("https_port")
                ?? PublicAddresses.All(builder.Configuration).Select(entry => entry.Address).FirstOrDefault(address => address.IsHttps())?.Port;
        });
        return builder;
    }

    public static WebApplication UseHttpsEdge(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseWhen(context => !context.ArrivedOnInternalPort(), https => https.UseHttpsRedirection());
        }

        return app;
    }
}
