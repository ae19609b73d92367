using PatientFlow.Gateway;
using PatientFlow.Gateway.DevTokens;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults();
// After authentication (inside UseServiceDefaults) so the limiter can partition by the token's subject.
app.UseRateLimiter();
app.MapReverseProxy();
app.MapDevTokens();
app.Run();

