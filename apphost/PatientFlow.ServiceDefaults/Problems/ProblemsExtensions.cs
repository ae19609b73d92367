using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PatientFlow.ServiceDefaults.Problems;

public static class ProblemsExtensions
{
    /// <summary>
    /// Problems are always written as <c>application/problem+json</c> and the developer exception page never renders. Call before
    /// <c>AddProblemDetails</c>: the problem details service asks its writers in order, and the first that can write does.
    /// </summary>
    public static IServiceCollection AddProblemJsonOnly(this IServiceCollection services)
    {
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddSingleton<IDeveloperPageExceptionFilter, PlainServerErrorPage>();
        return services;
    }
}
