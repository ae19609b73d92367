using Microsoft.Extensions.Options;

namespace PatientFlow.Tracking.Integrators.Feed;

/// <summary>Fails options validation with every problem the settings have, each naming its key, so start-up says what to fix.</summary>
public sealed class SettingsProblems<TOptions>(Func<TOptions, IReadOnlyList<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
