using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpMetricsStartupFilter runs when the app builds its pipeline: it registers the default collectors (once per
/// registry) and puts <see cref="HttpMetricsMiddleware"/> in front of the application's own middleware, so
/// <c>AddPrometheusMetrics()</c> alone instruments every request, including those that fail in other middleware.
/// </summary>
internal sealed class HttpMetricsStartupFilter(IOptions<MetricsOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        var metrics = options.Value;
        CollectorsRegistration.Ensure(metrics);

        if (!metrics.Http.Enabled)
        {
            return next;
        }

        return app =>
        {
            app.UseMiddleware<HttpMetricsMiddleware>(metrics.Http);
            next(app);
        };
    }
}
