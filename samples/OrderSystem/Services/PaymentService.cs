using Metrics.Generators;
using Metrics.Generators.AspNetCore;
using OrderSystem.Metrics;

namespace OrderSystem.Services;

/// <summary>The payment service: charges an amount after a provider round trip; fails on request for the fault-injection tests.</summary>
internal static class PaymentService
{
    public static WebApplication Build(int port, MetricRegistry registry)
    {
        var app = ServiceApp.CreateBuilder(port, registry).Build();
        var payments = new PaymentMetrics.PaymentsTotal(registry);
        var charged = new PaymentMetrics.AmountCharged(registry);

        app.MapPost("/charge", async (ChargeRequest charge, HttpRequest request, CancellationToken cancellationToken) =>
        {
            await Task.Delay(Random.Shared.Next(20, 40), cancellationToken);   // the provider's round trip
            if (Faults.IsInjected(request, Faults.Payment))
            {
                payments.Inc(PaymentOutcome.ProviderError);
                return Results.Problem("payment provider unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            payments.Inc(PaymentOutcome.Approved);
            charged.Add((double)charge.Amount);
            return Results.Ok(new { approved = true });
        });
        app.MapPrometheusMetrics();
        return app;
    }
}

/// <summary>The body of <c>POST /charge</c>.</summary>
internal sealed record ChargeRequest(int OrderId, decimal Amount);
