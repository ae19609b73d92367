using PatientFlow.Identity;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
await builder.AddIdentityIssuerAsync();

var app = builder.Build();
// OpenIddict answers its own protocol paths (discovery, keys, token refusals) from the authentication middleware: they
// have no route, so it runs before the gate that answers 404 for unrouted paths.
app.UseServiceDefaults(beforeAuthentication: issuer => issuer.UseAuthentication());
await app.UseIdentityIssuerAsync();
await app.RunAsync();

/// <summary>The entry point, named for the tests' WebApplicationFactory.</summary>
public partial class Program;
