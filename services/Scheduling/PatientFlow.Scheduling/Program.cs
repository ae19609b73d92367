using PatientFlow.Scheduling;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScheduling();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPatientEndpoints();
app.MapProviderEndpoints();
app.MapAppointmentEndpoints();
app.Run();
