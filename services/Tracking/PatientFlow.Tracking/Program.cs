using PatientFlow.ServiceDefaults;
using PatientFlow.Tracking;
using PatientFlow.Tracking.Analytics;
using PatientFlow.Tracking.Board;
using PatientFlow.Tracking.Bottlenecks;
using PatientFlow.Tracking.Catalog;
using PatientFlow.Tracking.Feed;
using PatientFlow.Tracking.Fhir;
using PatientFlow.Tracking.Journeys;
using PatientFlow.Tracking.Webhooks;
using PatientFlow.Tracking.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTracking();

var app = builder.Build();
app.UseServiceDefaults();
app.MapJourneyEndpoints();
app.MapBoardEndpoints();
app.MapAnalyticsEndpoints();
app.MapBottleneckEndpoints();
app.MapFeedEndpoints();
app.MapCatalogEndpoints();
app.MapWebhookEndpoints();
app.MapFhirEndpoints();
app.MapGrpcService<IntegratorFeedService>();
app.MapWebPages();
app.Run();
