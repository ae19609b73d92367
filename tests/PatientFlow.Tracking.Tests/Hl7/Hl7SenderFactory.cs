using Microsoft.AspNetCore.Hosting;
using PatientFlow.Tracking.Tests.Api;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>
/// Tracking with its HL7 sender pointed at a <see cref="FakeMllpReceiver"/> that answers AE to the first message
/// and AR to the fourth. One clinic is sent; the context cache holds a single visit, so the test meets both a
/// context kept in memory and one folded again from the event store.
/// </summary>
public sealed class Hl7SenderFactory : TrackingFactory
{
    public string Clinic { get; } = $"clinic-{Guid.NewGuid():N}";

    // Message 1: AE, then its resend AA; messages 2 and 3: AA; message 4: AR; then AA for everything.
    public FakeMllpReceiver Receiver { get; } = new(Reply.Error, Reply.Accept, Reply.Accept, Reply.Accept, Reply.Reject);

    private bool stopped;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tracking:Hl7:Host", "127.0.0.1");
        builder.UseSetting("Tracking:Hl7:Port", Receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Tracking:Hl7:ReceivingApplication", "EHR");
        builder.UseSetting("Tracking:Hl7:ReceivingFacility", "HOSPITAL");
        builder.UseSetting("Tracking:Hl7:StartFrom", "beginning");
        builder.UseSetting("Tracking:Hl7:Clinics:0", Clinic);
        builder.UseSetting("Tracking:Hl7:CachedVisits", "1");
        builder.UseSetting("Tracking:Hl7:RetryFirstAfter", "00:00:00.2");
        builder.UseSetting("Tracking:Hl7:RetryLongest", "00:00:01");
        builder.UseSetting("Tracking:Hl7:AckTimeout", "00:00:05");
    }

    /// <summary>After the host: the sender stops before the receiver it sends to.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !stopped)
        {
            stopped = true;
            Receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
