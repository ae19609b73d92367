using System.Globalization;

namespace PatientFlow.Billing.X12;

/// <summary>An adjustment (CAS): group (CO contractual, PR patient responsibility, OA other, PI payer initiated, CR correction), CARC reason, amount.</summary>
public sealed record Adjustment(string Group, string Reason, decimal Amount);

/// <summary>One service line's payment (SVC) with its adjustments.</summary>
public sealed record ServicePayment(string Procedure, IReadOnlyList<string> Modifiers, decimal Charged, decimal Paid, int Units, IReadOnlyList<Adjustment> Adjustments);

/// <summary>
/// One claim's payment (CLP). Status 1–3 processed (primary, secondary, tertiary), 4 denied, 22 reversal.
/// <see cref="PatientResponsibility"/> is CLP05, or the PR adjustments when CLP05 is absent.
/// </summary>
public sealed record ClaimPayment(
    string PatientControlNumber,
    string Status,
    decimal Charged,
    decimal Paid,
    decimal PatientResponsibility,
    string PayerClaimNumber,
    IReadOnlyList<Adjustment> Adjustments,
    IReadOnlyList<ServicePayment> Services)
{
    public bool Denied => Status == "4";

    /// <summary>Every adjustment on the claim and its lines.</summary>
    public IEnumerable<Adjustment> AllAdjustments => Adjustments.Concat(Services.SelectMany(s => s.Adjustments));
}

/// <summary>A remittance advice (835): the payment (BPR), its trace number (TRN), the payer, and each claim paid or denied.</summary>
public sealed record Remittance(decimal TotalPaid, string PaymentMethod, DateOnly? PaymentDate, string TraceNumber, string PayerName, IReadOnlyList<ClaimPayment> Claims);

/// <summary>Reads an X12 835 (005010X221A1). The delimiters are taken from the ISA segment, as the standard defines.</summary>
public static class Reader835
{
    public static Remittance Read(string text)
    {
        var isa = text.TrimStart();
        if (!isa.StartsWith("ISA", StringComparison.Ordinal) || isa.Length < 106)
        {
            throw new FormatException("an 835 starts with a 106-character ISA segment");
        }

        var element = isa[3];
        var component = isa[104];
        var terminator = isa[105];
        var segments = isa.Split(terminator)
            .Select(s => s.Trim('\r', '\n', ' '))
            .Where(s => s.Length > 0)
            .Select(s => s.Split(element))
            .ToList();
        if (segments.FirstOrDefault(s => s[0] == "ST") is not { } st || Get(st, 1) != "835")
        {
            throw new FormatException("not an 835 transaction set (ST01 must be 835)");
        }

        decimal totalPaid = 0;
        string method = "", trace = "", payer = "";
        DateOnly? paidOn = null;
        var claims = new List<ClaimPayment>();
        ClaimBuilder? claim = null;
        ServiceBuilder? service = null;
        foreach (var s in segments)
        {
            switch (s[0])
            {
                case "BPR":
                    totalPaid = Number(Get(s, 2));
                    method = Get(s, 4);
                    paidOn = DateOrNull(Get(s, 16));
                    break;
                case "TRN":
                    trace = Get(s, 2);
                    break;
                case "N1" when Get(s, 1) == "PR":
                    payer = Get(s, 2);
                    break;
                case "CLP":
                    Close();
                    claim = new ClaimBuilder(Get(s, 1), Get(s, 2), Number(Get(s, 3)), Number(Get(s, 4)),
                        string.IsNullOrEmpty(Get(s, 5)) ? null : Number(Get(s, 5)), Get(s, 7));
                    break;
                case "SVC" when claim is not null:
                    service = new ServiceBuilder(Get(s, 1).Split(component), Number(Get(s, 2)), Number(Get(s, 3)),
                        string.IsNullOrEmpty(Get(s, 5)) ? 1 : (int)Number(Get(s, 5)));
                    claim.Services.Add(service);
                    break;
                case "CAS" when claim is not null:
                    // CAS01 group, then up to six reason/amount/quantity triples.
                    var adjustments = service?.Adjustments ?? claim.Adjustments;
                    for (var i = 2; i + 1 < s.Length; i += 3)
                    {
                        if (!string.IsNullOrEmpty(Get(s, i)))
                        {
                            adjustments.Add(new Adjustment(Get(s, 1), Get(s, i), Number(Get(s, i + 1))));
                        }
                    }

                    break;
                case "SE":
                    Close();
                    break;
            }
        }

        return new Remittance(totalPaid, method, paidOn, trace, payer, claims);

        void Close()
        {
            if (claim is not null)
            {
                claims.Add(claim.Build());
            }

            claim = null;
            service = null;
        }
    }

    private static string Get(string[] segment, int index) => index < segment.Length ? segment[index] : "";

    private static decimal Number(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"'{value}' is not an X12 decimal");

    private static DateOnly? DateOrNull(string value) =>
        DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private sealed class ServiceBuilder(string[] procedure, decimal charged, decimal paid, int units)
    {
        public List<Adjustment> Adjustments { get; } = [];

        public ServicePayment Build() => new(
            procedure.Length > 1 ? procedure[1] : procedure[0], [.. procedure.Skip(2)], charged, paid, units, Adjustments);
    }

    private sealed class ClaimBuilder(string controlNumber, string status, decimal charged, decimal paid, decimal? patientResponsibility, string payerClaimNumber)
    {
        public List<Adjustment> Adjustments { get; } = [];

        public List<ServiceBuilder> Services { get; } = [];

        public ClaimPayment Build()
        {
            var services = Services.Select(s => s.Build()).ToList();
            var responsibility = patientResponsibility
                ?? Adjustments.Concat(services.SelectMany(s => s.Adjustments)).Where(a => a.Group == "PR").Sum(a => a.Amount);
            return new ClaimPayment(controlNumber, status, charged, paid, responsibility, payerClaimNumber, Adjustments, services);
        }
    }
}
