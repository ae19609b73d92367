using PatientFlow.Billing;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Accounts.Copay;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Claims.Batches;
using PatientFlow.Billing.Claims.Remittances;
using PatientFlow.Billing.Coverage;
using PatientFlow.Platform;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBilling();

var app = builder.Build();
app.UseServiceDefaults();
app.UseClinicScoping();
app.MapPlatformEndpoints();
app.MapAccountRoutes();
app.MapClaimRoutes();
app.MapBatchRoutes();
app.MapRemittanceRoutes();
app.MapCoverageRoutes();
app.Run();
