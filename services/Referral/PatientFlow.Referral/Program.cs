using PatientFlow.Platform;
using PatientFlow.Referral;
using PatientFlow.Referral.Referrals;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReferral();

var app = builder.Build();
app.UseServiceDefaults();
app.UseClinicScoping();
app.MapPlatformEndpoints();
app.MapReferralRoutes();
app.Run();
