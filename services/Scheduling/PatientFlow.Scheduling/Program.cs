using PatientFlow.Platform;
using PatientFlow.Scheduling;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.AppointmentTypes;
using PatientFlow.Scheduling.Clinics;
using PatientFlow.Scheduling.Integration.Grpc;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Scheduling.Resources;
using PatientFlow.Scheduling.Waitlist;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddScheduling();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPlatformEndpoints();
app.MapClinicRoutes();
app.MapResourceRoutes();
app.MapAppointmentTypeRoutes();
app.MapPatientRoutes();
app.MapProviderRoutes();
app.MapAppointmentRoutes();
app.MapWaitlistRoutes();
app.MapGrpcService<ReferralSchedulingService>();
app.MapGrpcService<PatientDirectoryService>();
app.Run();
