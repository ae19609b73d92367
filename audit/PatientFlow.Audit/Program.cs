using PatientFlow.Audit;
using PatientFlow.Audit.Reports;
using PatientFlow.Audit.Verification;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAuditDatabase();

var app = builder.Build();
app.UseServiceDefaults();
app.MapAccessReportEndpoints();
app.MapVerificationEndpoints();
app.Run();

/// <summary>The privacy officer's service: who opened what, as CSV too, and whether the chains are intact.</summary>
public partial class Program;
