using PatientFlow.Testing;

namespace PatientFlow.Tracking.Tests.Api;

public class EndpointAuthorizationTests(TrackingFactory factory) : EndpointAuthorizationSpec<Program>(
    factory,
    // The board and analytics pages (their scripts and styles are files, served before authentication) and the
    // integrators' event catalog.
    "/", "/analytics", "/api/tracking/catalog/asyncapi.json"), IClassFixture<TrackingFactory>;
