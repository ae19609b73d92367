using PatientFlow.Testing.Audit;

namespace PatientFlow.Scheduling.Tests.Api;

public sealed class AuditedRoutesTests(SchedulingFactory factory) : AuditedRoutesSpec<Program>(factory), IClassFixture<SchedulingFactory>;
