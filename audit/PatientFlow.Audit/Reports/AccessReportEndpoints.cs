using Microsoft.AspNetCore.Http.HttpResults;
using PatientFlow.Audit.Database;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Audit.Reports;

/// <summary>
/// The privacy officer's reports: who opened this patient's data, what this user opened, everything in a time range;
/// newest first, paged; CSV (RFC 4180) with <c>Accept: text/csv</c> or <c>format=csv</c>. Patient ids are in the path,
/// never names. Every read of a report is itself recorded, on the audit service's chain.
/// </summary>
public static class AccessReportEndpoints
{
    public static IEndpointRouteBuilder MapAccessReportEndpoints(this IEndpointRouteBuilder app)
    {
        // A report names patients and who opened them: each read of one is recorded like any other access.
        var audit = app.MapGroup("/api/audit").RequireAuthorization(AccessPolicies.AuditReports).WithTags("Audit reports").Audited("access-report");
        audit.MapGet("/patients/{patientId:guid}/accesses", (Guid patientId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, string? format, HttpContext http, AuditDatabase database, CancellationToken ct) =>
            AnswerAsync(AccessQuery.Of(patientId, null, from, to, page, pageSize), format, http, database, ct));
        audit.MapGet("/users/{subject}/accesses", (string subject, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, string? format, HttpContext http, AuditDatabase database, CancellationToken ct) =>
            AnswerAsync(AccessQuery.Of(null, subject, from, to, page, pageSize), format, http, database, ct));
        audit.MapGet("/accesses", (DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, string? format, HttpContext http, AuditDatabase database, CancellationToken ct) =>
            AnswerAsync(AccessQuery.Of(null, null, from, to, page, pageSize), format, http, database, ct));
        return app;
    }

    private static async Task<Results<Ok<AccessPage>, ContentHttpResult>> AnswerAsync(AccessQuery query, string? format, HttpContext http, AuditDatabase database, CancellationToken ct)
    {
        var page = await query.RunAsync(database.DataSource, ct);
        if (!WantsCsv(format, http.Request))
        {
            return TypedResults.Ok(page);
        }

        // The page's position rides in headers, so the CSV body is the records alone.
        http.Response.Headers["X-Page"] = page.Page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-Has-More"] = page.HasMore ? "true" : "false";
        return TypedResults.Text(Rfc4180.Write(AccessRow.CsvHeader, page.Items.Select(row => row.CsvFields())), "text/csv; charset=utf-8; header=present");
    }

    private static bool WantsCsv(string? format, HttpRequest request) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ||
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
