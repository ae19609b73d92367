using PatientFlow.Lab;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Turnaround;
using PatientFlow.Platform;
using PatientFlow.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLab();

var app = builder.Build();
app.UseServiceDefaults();
app.UseClinicScoping();
app.MapPlatformEndpoints();
app.MapCatalogEndpoints();
app.MapLabOrderRoutes();
app.MapLabWorklistEndpoints();
app.Run();
