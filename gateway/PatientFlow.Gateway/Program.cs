using PatientFlow.Gateway;
using PatientFlow.Gateway.DevTokens;
using PatientFlow.Gateway.RateLimiting;
using PatientFlow.ServiceDefaults;
using PatientFlow.ServiceDefaults.Production;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ProcessKind.Gateway);
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults(beforeAuthentication: gateway => gateway.UseGatewayEdge());
// After authentication (inside UseServiceDefaults) so the limiter can partition by the token's subject.
app.UseCallerRateLimit();
app.MapReverseProxy().WithRouteBodyLimits();
app.MapDevTokens();
app.Run();
