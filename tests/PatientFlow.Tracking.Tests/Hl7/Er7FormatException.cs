namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>The text is not a message the test-side parser accepts; the message says which rule it broke.</summary>
public sealed class Er7FormatException(string rule) : Exception(rule);
