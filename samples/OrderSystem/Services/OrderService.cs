using Metrics.Generators;
using Metrics.Generators.AspNetCore;
using OrderSystem.Metrics;

namespace OrderSystem.Services;

/// <summary>
/// The order service: <c>POST /orders</c> checks stock, reserves it, charges the payment and sends a
/// notification, so one request drives all four services; <c>GET /orders/{id}</c> reads an order back from SQLite.
/// </summary>
internal static class OrderService
{
    public static WebApplication Build(int port, MetricRegistry registry, Uri inventory, Uri payment, Uri notification)
    {
        var builder = ServiceApp.CreateBuilder(port, registry);

        // Outgoing calls are measured per client name and host (http_client_requests_total, …), never per URL.
        builder.Services.AddHttpClient("inventory", client => client.BaseAddress = inventory).AddPrometheusHttpClientMetrics();
        builder.Services.AddHttpClient("payment", client => client.BaseAddress = payment).AddPrometheusHttpClientMetrics();
        builder.Services.AddHttpClient("notification", client => client.BaseAddress = notification).AddPrometheusHttpClientMetrics();
        var app = builder.Build();

        var orders = new OrderMetrics.OrdersTotal(registry);
        var inFlight = new OrderMetrics.OrdersInFlight(registry);
        var orderValue = new OrderMetrics.OrderValue(registry);
        var database = new OrderDatabase(registry);
        app.Lifetime.ApplicationStopped.Register(database.Dispose);
        var nextOrderId = 0;

        app.MapPost("/orders", async (OrderRequest order, HttpRequest request, IHttpClientFactory clients, CancellationToken cancellationToken) =>
        {
            using var tracking = inFlight.TrackInProgress();
            await Task.Delay(Random.Shared.Next(50, 100), cancellationToken);   // the seed's baseline order processing time

            var inventoryClient = clients.CreateClient("inventory");
            using var stock = await inventoryClient.GetAsync($"/stock/{Uri.EscapeDataString(order.Item)}", cancellationToken);
            if (order.Quantity <= 0 || !stock.IsSuccessStatusCode)
            {
                orders.Inc(OrderOutcome.Failed);
                return Results.UnprocessableEntity(new { error = "unknown item or quantity", order.Item });
            }

            using var reserved = await inventoryClient.PostAsJsonAsync("/reserve", new ReserveRequest(order.Item, order.Quantity), cancellationToken);
            if (!reserved.IsSuccessStatusCode)
            {
                orders.Inc(OrderOutcome.Failed);
                return Results.UnprocessableEntity(new { error = "not enough stock", order.Item });
            }

            var id = Interlocked.Increment(ref nextOrderId);
            var charge = new HttpRequestMessage(HttpMethod.Post, "/charge") { Content = JsonContent.Create(new ChargeRequest(id, order.Price * order.Quantity)) };
            if (request.Headers.TryGetValue(Faults.Header, out var fault))
            {
                charge.Headers.TryAddWithoutValidation(Faults.Header, fault.ToString());
            }

            using var charged = await clients.CreateClient("payment").SendAsync(charge, cancellationToken);
            if (!charged.IsSuccessStatusCode)
            {
                orders.Inc(OrderOutcome.Failed);
                return Results.Problem("payment failed", statusCode: StatusCodes.Status502BadGateway);
            }

            using var notified = await clients.CreateClient("notification").PostAsJsonAsync("/notify", new NotifyRequest(id, id % 4 == 0 ? "sms" : "email"), cancellationToken);
            var created = new Order(id, order.Item, order.Quantity, order.Price);
            await database.InsertAsync(created, cancellationToken);
            orders.Inc(OrderOutcome.Created);
            orderValue.Observe((double)(order.Price * order.Quantity));
            return Results.Created($"/orders/{id}", created);
        });

        app.MapGet("/orders/{id:int}", async (int id, CancellationToken cancellationToken)
            => await database.FindAsync(id, cancellationToken) is { } found ? Results.Ok(found) : Results.NotFound());
        app.MapPrometheusMetrics();
        return app;
    }
}

/// <summary>The body of <c>POST /orders</c>.</summary>
internal sealed record OrderRequest(string Item, int Quantity, decimal Price);

/// <summary>A created order.</summary>
internal sealed record Order(int Id, string Item, int Quantity, decimal Price);
