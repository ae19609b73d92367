using PatientFlow.Testing.Audit;

namespace PatientFlow.Lab.Tests.Api;

public sealed class AuditedRoutesTests(LabFactory factory) : AuditedRoutesSpec<Program>(factory), IClassFixture<LabFactory>;
