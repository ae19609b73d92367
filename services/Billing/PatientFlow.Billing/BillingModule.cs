using JasperFx.Events.Projections;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Claims.Batches;
using PatientFlow.Billing.Claims.Remittances;
using PatientFlow.Billing.Coverage;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Integration;
using PatientFlow.Platform.Messaging;

namespace PatientFlow.Billing;

public static class BillingModule
{
    public const string Service = "billing";

    public static IHostApplicationBuilder AddBilling(this IHostApplicationBuilder builder)
    {
        var billing = builder.Configuration.GetSection("Billing");
        // Read at start so a broken fee schedule or claim set-up stops the service instead of mispricing visits.
        builder.Services.AddSingleton(FeeSchedule.FromConfiguration(billing));
        var claims = ClaimsSettings.FromConfiguration(billing);
        builder.Services.AddSingleton(claims);
        builder.Services.AddSingleton(claims.Parties());
        builder.Services.AddSingleton<ClaimContexts>();
        builder.Services.AddSingleton<IPayerEligibility, PayerSimulator>();
        builder.Services.AddSingleton<EligibilityChecks>();
        builder.Services.AddSingleton<VisitAccounts>();
        builder.AddPatientFlowMarten(Service, options =>
            {
                // A patient's coverages and eligibility answers: a short stream, folded on each decision.
                options.Projections.LiveStreamAggregation<PatientCoverage>();
                // The account is rebuilt from its (short) stream on every read. An inline snapshot was
                // tried and lost updates under concurrent consumers: FetchForWriting read the stored
                // document and the stream version separately, so a commit between them passed the
                // version check with stale state. Live aggregation reads both from the same events.
                options.Projections.LiveStreamAggregation<BillingAccount>();
                // Claims, batches and remittances are written with their events, so a command's answer and every
                // list show its effect at once. Claim decisions fetch the claim under
                // its stream's lock (Claim is [FetchWithLock]), so the document and its version are read together.
                options.Projections.Snapshot<Claim>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<ClaimBatch>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<RemittanceDetails>(SnapshotLifecycle.Inline);
                options.Schema.For<Claim>().Index(c => c.PatientId).Index(c => c.VisitId).Index(c => c.Status).Index(c => c.UpdatedAt);
                options.Schema.For<ClaimBatch>().Index(b => b.PayerId).Index(b => b.CreatedAt);
                options.Schema.For<AccountView>().Index(a => a.PatientId).Index(a => a.StartsAt);
                options.Schema.For<ClaimNumber>();
                options.Schema.For<ReceiptNumber>();
                options.Schema.For<InterchangeNumber>();
            })
            .AddIntegrationEventRelay<BillingEventRelay>();
        builder.AddPatientFlowMessaging(Service, typeof(BillingModule).Assembly);
        return builder;
    }
}
