using Marten;
using Npgsql;
using PatientFlow.Scheduling.Appointments;
using PatientFlow.Scheduling.Appointments.Booking;
using PatientFlow.Scheduling.Appointments.GettingDetails;
using PatientFlow.Scheduling.Integration;
using Contract = PatientFlow.Contracts.Scheduling.V1;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>
/// Bookings stored in the first shape (type <c>appointment_booked</c>, no channel) are still read: the
/// upcast fills in the channel. The old row is made exactly as the first version stored it.
/// </summary>
public class UpcastTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task Read_BookingStoredInTheFirstShape_UpcastToFrontDeskAndTheVisitGoesOn()
    {
        var patientId = await factory.RegisterPatientAsync();
        var (providerId, slots) = await factory.ProviderWithSlotsAsync(1);
        var client = factory.FrontDesk();
        var id = (await SchedulingFactory.PostAsync<AppointmentDetails>(client, "/api/scheduling/appointments",
            new { patientId, providerId, slotId = slots[0], visitType = "follow-up" })).AppointmentId;
        var rewritten = await RewriteAsFirstShapeAsync(id);
        rewritten.Should().Be(1);

        await using var session = factory.Store.QuerySession();
        var stored = await session.Events.FetchStreamAsync(id);
        var booked = stored.Should().ContainSingle().Subject;
        booked.EventTypeName.Should().Be(AppointmentBookedV1.StoredName);
        booked.Data.Should().BeOfType<AppointmentBooked>().Which.BookedVia.Should().Be(BookingChannels.FrontDesk);
        (await session.Events.AggregateStreamAsync<AppointmentDetails>(id))!.BookedVia.Should().Be(BookingChannels.FrontDesk);
        new SchedulingEventRelay().Map(booked).Should().BeOfType<Contract.AppointmentBooked>().Which.VisitId.Should().Be(id);

        (await client.PostAsJsonAsync($"/api/scheduling/appointments/{id}/check-in", SchedulingFactory.Confirmed())).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var after = factory.Store.QuerySession();
        (await after.Events.FetchStreamAsync(id)).Select(e => e.EventTypeName).Should().Equal("appointment_booked", "patient_checked_in");
    }

    /// <summary>What the first version wrote: the old type name and no <c>bookedVia</c> in the JSON.</summary>
    private async Task<int> RewriteAsFirstShapeAsync(Guid streamId)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            update mt_events set type = '{AppointmentBookedV1.StoredName}', data = data - 'bookedVia'
            where stream_id = @id and type = '{AppointmentBookedV1.CurrentStoredName}'
            """, connection);
        command.Parameters.AddWithValue("id", streamId);
        return await command.ExecuteNonQueryAsync();
    }
}
