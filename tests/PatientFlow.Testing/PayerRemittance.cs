using System.Globalization;
using System.Text;

namespace PatientFlow.Testing;

/// <summary>An adjustment as a payer sends it: group (CO, PR, OA…), CARC reason, amount.</summary>
public sealed record RemitAdjustment(string Group, string Reason, decimal Amount);

/// <summary>One service line's payment (SVC): procedure with modifiers, charged, paid, and its adjustments.</summary>
public sealed record RemitService(string Procedure, decimal Charged, decimal Paid, params RemitAdjustment[] Adjustments);

/// <summary>One claim's payment (CLP): CLP02 status (1 processed as primary, 4 denied), charged, paid, patient share, payer's claim number.</summary>
public sealed record RemitClaim(
    string ClaimNumber, string Status, decimal Charged, decimal Paid, decimal? PatientResponsibility, string PayerClaimNumber,
    IReadOnlyList<RemitAdjustment> Adjustments, IReadOnlyList<RemitService> Services);

/// <summary>
/// Writes the 835 (005010X221A1) a payer's clearinghouse would send back for claims PatientFlow submitted: the
/// payer's side of a round trip, so tests post a file in the standard's shape rather than a shortcut.
/// </summary>
public static class PayerRemittance
{
    public static string Write(string payerName, string traceNumber, DateOnly paidOn, params RemitClaim[] claims)
    {
        var body = new List<string>
        {
            $"BPR*I*{Amount(claims.Sum(c => c.Paid))}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*{paidOn:yyyyMMdd}",
            $"TRN*1*{traceNumber}*1512345678",
            $"DTM*405*{paidOn:yyyyMMdd}",
            $"N1*PR*{payerName.ToUpperInvariant()}",
            "N3*1 INSURANCE WAY",
            "N4*HARTFORD*CT*06101",
            "N1*PE*PATIENTFLOW MEDICAL GROUP*XX*1234567893",
            "LX*1",
        };
        foreach (var claim in claims)
        {
            body.Add($"CLP*{claim.ClaimNumber}*{claim.Status}*{Amount(claim.Charged)}*{Amount(claim.Paid)}*{(claim.PatientResponsibility is { } pr ? Amount(pr) : "")}*12*{claim.PayerClaimNumber}*11*1");
            body.AddRange(claim.Adjustments.Select(a => $"CAS*{a.Group}*{a.Reason}*{Amount(a.Amount)}"));
            body.Add("NM1*QC*1*EXAMPLE*ADA****MI*W000000000");
            foreach (var service in claim.Services)
            {
                body.Add($"SVC*HC:{service.Procedure}*{Amount(service.Charged)}*{Amount(service.Paid)}*UN*1");
                body.Add($"DTM*472*{paidOn:yyyyMMdd}");
                body.AddRange(service.Adjustments.Select(a => $"CAS*{a.Group}*{a.Reason}*{Amount(a.Amount)}"));
            }
        }

        var text = new StringBuilder();
        text.Append("ISA*00*          *00*          *ZZ*CH0001         *ZZ*PF0001         *")
            .Append(paidOn.ToString("yyMMdd", CultureInfo.InvariantCulture)).Append("*0930*^*00501*000000077*0*T*:~\n");
        text.Append($"GS*HP*CH0001*PF0001*{paidOn:yyyyMMdd}*0930*77*X*005010X221A1~\n");
        text.Append("ST*835*0001*005010X221A1~\n");
        foreach (var segment in body)
        {
            text.Append(segment).Append("~\n");
        }

        text.Append($"SE*{body.Count + 2}*0001~\n").Append("GE*1*77~\n").Append("IEA*1*000000077~\n");
        return text.ToString();
    }

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
