extern alias scheduling;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using scheduling::PatientFlow.Scheduling.Appointments.GettingDetails;
using scheduling::PatientFlow.Scheduling.Patients;
using scheduling::PatientFlow.Scheduling.Providers;

namespace PatientFlow.Reliability.Tests.Faults;

/// <summary>One command a client sent, and what it was told. Status 0: no answer (timeout, connection refused).</summary>
public sealed record SentCommand(string EventType, Guid VisitId, int Status, TimeSpan Took)
{
    /// <summary>When it was sent (UTC).</summary>
    public DateTime SentAt { get; init; } = DateTime.UtcNow - Took;

    public bool Acknowledged => Status is >= 200 and < 300;
}

/// <summary>
/// A steady stream of visits through the gateway, as a front desk would send them: book a free slot,
/// then check the patient in. Every command and its answer is recorded for the delivery ledger.
/// </summary>
public sealed class VisitTraffic(HttpClient frontDesk, HttpClient ops)
{
    public const string Booked = "scheduling.appointment-booked.v1";
    public const string CheckedIn = "scheduling.patient-checked-in.v1";

    private readonly ConcurrentQueue<(Guid ProviderId, Guid SlotId)> _slots = new();
    private readonly ConcurrentBag<SentCommand> _sent = [];
    private Guid[] _patients = [];

    public IReadOnlyCollection<SentCommand> Sent => _sent;

    /// <summary>Patients, and providers with enough free slots for <paramref name="visits"/> bookings.</summary>
    public async Task PrepareAsync(int visits, int providers = 8)
    {
        await FrontDeskSetup.EnsureClinicAsync(ops, "faults");
        _patients = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
            (await PostAsync<PatientDetails>("/api/scheduling/patients", new
            {
                mrn = $"MRN-{Guid.NewGuid():N}"[..20], firstName = "Test", lastName = $"Patient {i}", dateOfBirth = "1970-01-01", sex = "unknown", clinic = "faults",
            })).PatientId));
        var perProvider = (visits + providers - 1) / providers;
        for (var p = 0; p < providers; p++)
        {
            var providerId = (await PostAsync<ProviderDetails>("/api/scheduling/providers", new { name = $"Dr. Load {p}", specialty = "family-medicine", clinic = "faults" }))
                .ProviderId;
            var slots = await PostAsync<SlotsResponse>($"/api/scheduling/providers/{providerId}/slots",
                new { startsAt = DateTimeOffset.UtcNow.AddDays(1 + p).ToString("O"), durationMinutes = 5, count = perProvider });
            foreach (var slot in slots.Slots)
            {
                _slots.Enqueue((providerId, slot.SlotId));
            }
        }
    }

    /// <summary>
    /// Sends visits with <paramref name="workers"/> clients in parallel until the time is up, <paramref name="stop"/> is
    /// signalled, or the slots run out.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, int workers, Action<int>? onVisit = null, CancellationToken stop = default)
    {
        var until = Stopwatch.StartNew();
        var visits = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            while (until.Elapsed < duration && !stop.IsCancellationRequested && _slots.TryDequeue(out var slot))
            {
                var visitId = await BookAsync(slot.ProviderId, slot.SlotId, _patients[worker % _patients.Length]);
                if (visitId is { } visit)
                {
                    await CheckInAsync(visit);
                }

                onVisit?.Invoke(Interlocked.Increment(ref visits));
            }
        }));
    }

    private async Task<Guid?> BookAsync(Guid providerId, Guid slotId, Guid patientId)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await frontDesk.PostAsJsonAsync("/api/scheduling/appointments",
                new { patientId, providerId, slotId, visitType = "follow-up" });
            Guid? visitId = response.StatusCode == HttpStatusCode.Created
                ? (await response.ReadAsAsync<AppointmentDetails>()).AppointmentId
                : null;
            _sent.Add(new SentCommand(Booked, visitId ?? Guid.Empty, (int)response.StatusCode, watch.Elapsed));
            return visitId;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _sent.Add(new SentCommand(Booked, Guid.Empty, 0, watch.Elapsed));
            return null;
        }
    }

    private async Task CheckInAsync(Guid visitId)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await frontDesk.PostAsJsonAsync($"/api/scheduling/appointments/{visitId}/check-in", FrontDeskSetup.ConfirmedCheckIn());
            _sent.Add(new SentCommand(CheckedIn, visitId, (int)response.StatusCode, watch.Elapsed));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _sent.Add(new SentCommand(CheckedIn, visitId, 0, watch.Elapsed));
        }
    }

    private async Task<T> PostAsync<T>(string path, object body)
    {
        using var response = await frontDesk.PostAsJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.ReadAsAsync<T>();
    }
}
