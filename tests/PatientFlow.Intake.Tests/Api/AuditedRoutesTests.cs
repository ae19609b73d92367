using PatientFlow.Testing.Audit;

namespace PatientFlow.Intake.Tests.Api;

public sealed class AuditedRoutesTests(IntakeFactory factory) : AuditedRoutesSpec<Program>(factory), IClassFixture<IntakeFactory>;
