using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Metrics.Generators.AspNetCore;

/// <summary>
/// HttpMetricsStartupFilter puts <see cref="HttpMetricsMiddleware"/> in front of the application's own pipeline,
/// so <c>AddMetrics()</c> alone instruments every request, including those that fail in other middleware.
/// </summary>
internal sealed class HttpMetricsStartupFilter(IOptions<MetricsOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        var http = options.Value.Http;
        if (!http.Enabled)
        {
            return next;
        }

        return app =>
        {
            app.UseMiddleware<HttpMetricsMiddleware>(http);
            next(app);
        };
    }
}
