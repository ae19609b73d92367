using PatientFlow.Identity;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
await builder.AddIdentityIssuerAsync();

var app = builder.Build();
app.UseServiceDefaults();
await app.UseIdentityIssuerAsync();
await app.RunAsync();

/// <summary>The entry point, named for the tests' WebApplicationFactory.</summary>
public partial class Program;
