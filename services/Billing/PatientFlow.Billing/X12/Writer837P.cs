using System.Globalization;

namespace PatientFlow.Billing.X12;

/// <summary>
/// ASC X12N 837 Professional, version 005010X222A1: one interchange (ISA/IEA), one functional group (GS/GE), one
/// transaction set (ST/SE) per batch; the billing provider once (2000A) and a subscriber hierarchy per claim (2000B).
/// </summary>
public static class Writer837P
{
    public const string Version = "005010X222A1";

    public static string Write(Batch837P batch)
    {
        if (batch.Claims.Count == 0)
        {
            throw new InvalidOperationException("a batch needs at least one claim");
        }

        var w = new X12Writer();
        var at = batch.CreatedAt.ToUniversalTime();
        var interchange = batch.InterchangeControlNumber.ToString("D9", CultureInfo.InvariantCulture);
        w.Raw(string.Join(X12Writer.Element,
            "ISA", "00", new string(' ', 10), "00", new string(' ', 10),
            "ZZ", X12Writer.Fixed(batch.Submitter.InterchangeId, 15), "ZZ", X12Writer.Fixed(batch.Receiver.InterchangeId, 15),
            at.ToString("yyMMdd", CultureInfo.InvariantCulture), at.ToString("HHmm", CultureInfo.InvariantCulture),
            X12Writer.Repetition.ToString(), "00501", interchange, "0", batch.Production ? "P" : "T", X12Writer.Component.ToString()));
        var group = batch.GroupControlNumber.ToString(CultureInfo.InvariantCulture);
        w.Segment("GS", "HC", X12Writer.Text(batch.Submitter.InterchangeId, 15), X12Writer.Text(batch.Receiver.InterchangeId, 15),
            at.ToString("yyyyMMdd", CultureInfo.InvariantCulture), at.ToString("HHmm", CultureInfo.InvariantCulture), group, "X", Version);

        const string setControl = "0001";
        w.Mark();
        w.Segment("ST", "837", setControl, Version);
        w.Segment("BHT", "0019", "00", X12Writer.Text(batch.BatchReference, 30), at.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            at.ToString("HHmm", CultureInfo.InvariantCulture), "CH");

        // 1000A submitter, 1000B receiver.
        w.Segment("NM1", "41", "2", X12Writer.Text(batch.Submitter.Name), "", "", "", "", "46", X12Writer.Text(batch.Submitter.Id, 80));
        w.Segment("PER", "IC", X12Writer.Text(batch.Submitter.ContactName), "TE", Digits(batch.Submitter.ContactPhone));
        w.Segment("NM1", "40", "2", X12Writer.Text(batch.Receiver.Name), "", "", "", "", "46", X12Writer.Text(batch.Receiver.Id, 80));

        // 2000A billing provider hierarchy, 2010AA billing provider.
        var provider = batch.BillingProvider;
        w.Segment("HL", "1", "", "20", "1");
        if (provider.TaxonomyCode is { Length: > 0 } taxonomy)
        {
            w.Segment("PRV", "BI", "PXC", X12Writer.Text(taxonomy, 10));
        }

        w.Segment("NM1", "85", "2", X12Writer.Text(provider.Name), "", "", "", "", "XX", provider.Npi);
        Address(w, provider.Address);
        w.Segment("REF", "EI", Digits(provider.TaxId));

        var hl = 1;
        foreach (var claim in batch.Claims)
        {
            hl++;
            // 2000B subscriber hierarchy: the subscriber is the patient, so no 2000C follows (HL04 0).
            w.Segment("HL", hl.ToString(CultureInfo.InvariantCulture), "1", "22", "0");
            w.Segment("SBR", "P", "18", "", "", "", "", "", "", claim.Subscriber.ClaimFilingIndicator);
            var subscriber = claim.Subscriber;
            w.Segment("NM1", "IL", "1", X12Writer.Text(subscriber.LastName), X12Writer.Text(subscriber.FirstName, 35), "", "", "", "MI",
                X12Writer.Text(subscriber.MemberId, 80));
            Address(w, subscriber.Address);
            w.Segment("DMG", "D8", X12Writer.Date(subscriber.DateOfBirth), subscriber.Gender);
            w.Segment("NM1", "PR", "2", X12Writer.Text(claim.Payer.Name), "", "", "", "", "PI", X12Writer.Text(claim.Payer.Id, 80));

            // 2300 claim: CLM05 is place of service, facility code qualifier B, frequency code.
            w.Segment("CLM", X12Writer.Text(claim.PatientControlNumber, 38), X12Writer.Amount(claim.TotalCharge), "", "",
                string.Join(X12Writer.Component, claim.PlaceOfService, "B", claim.FrequencyCode), "Y", "A", "Y", "Y");
            if (claim.FrequencyCode is "7" or "8")
            {
                w.Segment("REF", "F8", X12Writer.Text(claim.OriginalClaimNumber ?? "", 50));
            }

            w.Segment("HI", [.. claim.Diagnoses.Select((code, i) => string.Join(X12Writer.Component, i == 0 ? "ABK" : "ABF", X12Writer.Icd10(code)))]);

            var line = 0;
            foreach (var service in claim.Lines)
            {
                line++;
                w.Segment("LX", line.ToString(CultureInfo.InvariantCulture));
                w.Segment("SV1",
                    string.Join(X12Writer.Component, ["HC", X12Writer.Text(service.Procedure, 48), .. service.Modifiers.Select(m => X12Writer.Text(m, 2))]),
                    X12Writer.Amount(service.Charge), "UN", service.Units.ToString(CultureInfo.InvariantCulture), "", "",
                    string.Join(X12Writer.Component, service.DiagnosisPointers.Select(p => p.ToString(CultureInfo.InvariantCulture))));
                w.Segment("DTP", "472", "D8", X12Writer.Date(service.ServiceDate));
            }
        }

        w.Segment("SE", (w.SinceMark + 1).ToString(CultureInfo.InvariantCulture), setControl);
        w.Segment("GE", "1", group);
        w.Segment("IEA", "1", interchange);
        return w.ToString();
    }

    private static void Address(X12Writer w, X12Address address)
    {
        w.Segment("N3", X12Writer.Text(address.Line1, 55));
        w.Segment("N4", X12Writer.Text(address.City, 30), X12Writer.Text(address.State, 2), Digits(address.PostalCode));
    }

    private static string Digits(string value) => new(value.Where(char.IsAsciiDigit).ToArray());
}
