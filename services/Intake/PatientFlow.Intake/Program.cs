using PatientFlow.Intake;
using PatientFlow.Intake.Encounters;
using PatientFlow.Intake.Rooms;
using PatientFlow.Platform;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIntake();

var app = builder.Build();
app.UseServiceDefaults();
app.UseClinicScoping();
app.MapPlatformEndpoints();
app.MapEncounterRoutes();
app.MapRoomRoutes();
app.Run();
