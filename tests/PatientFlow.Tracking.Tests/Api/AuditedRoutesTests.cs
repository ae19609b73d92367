using PatientFlow.Testing.Audit;

namespace PatientFlow.Tracking.Tests.Api;

public sealed class AuditedRoutesTests(TrackingFactory factory) : AuditedRoutesSpec<Program>(factory), IClassFixture<TrackingFactory>;
