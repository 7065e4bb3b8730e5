using System.Collections.Concurrent;
using Metrics.Generators;
using Microsoft.AspNetCore.Routing.Patterns;
using OrderService;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8001");   // the seed's order-service port, loopback only
}

var app = builder.Build();
var stock = new ConcurrentDictionary<string, int>(StringComparer.Ordinal) { ["book"] = 100, ["pen"] = 250, ["lamp"] = 12 };
var orders = new ConcurrentDictionary<int, Order>();
var nextOrderId = 0;

foreach (var item in stock.Keys)
{
    // Collect-time callbacks: the gauge reads the stock only when Prometheus scrapes.
    var name = item;
    ShopMetrics.Inventory.Bind(name).SetCallback(() => stock.TryGetValue(name, out var count) ? count : 0);
}

app.UseRouting();

// RED metrics keyed by the route template, never the raw path: /orders/17 and /orders/18 are one series.
app.Use(async (context, next) =>
{
    var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
    if (route == "/metrics")
    {
        await next(context);
        return;
    }

    var method = ParseVerb(context.Request.Method);
    var timer = ShopMetrics.Latency.Bind(method, route).Time();
    var status = 500;
    try
    {
        await next(context);
        status = context.Response.StatusCode;
    }
    finally
    {
        timer.Dispose();
        ShopMetrics.Requests.Inc(method, route, StatusText(status));
    }
});

app.MapPost("/orders", async (OrderRequest request) =>
{
    using var inFlight = ShopMetrics.InFlight.TrackInProgress();
    await Task.Delay(Random.Shared.Next(50, 100));   // the seed's baseline order processing time

    if (request.Quantity <= 0 || !stock.TryGetValue(request.Item, out var available) || available < request.Quantity)
    {
        ShopMetrics.Orders.Inc(OrderOutcome.Failed);
        return Results.UnprocessableEntity(new { error = "not enough stock", request.Item });
    }

    using (ShopMetrics.Payment.Time())
    {
        await Task.Delay(Random.Shared.Next(5, 30));
    }

    stock.AddOrUpdate(request.Item, 0, (_, count) => count - request.Quantity);
    var order = new Order(Interlocked.Increment(ref nextOrderId), request.Item, request.Quantity, request.Price);
    orders[order.Id] = order;
    ShopMetrics.Orders.Inc(OrderOutcome.Created);
    return Results.Created($"/orders/{order.Id}", order);
});

app.MapGet("/orders/{id:int}", (int id) => orders.TryGetValue(id, out var order) ? Results.Ok(order) : Results.NotFound());

app.MapGet("/metrics", async (HttpContext context) =>
{
    var format = ExpositionFormats.Negotiate(context.Request.Headers.Accept.ToString());
    context.Response.ContentType = ExpositionFormats.ContentType(format);
    await MetricRegistry.Default.WriteAsync(context.Response.Body, format, context.RequestAborted);
});

app.Run();

static HttpVerb ParseVerb(string method) => method switch
{
    "GET" => HttpVerb.Get,
    "POST" => HttpVerb.Post,
    "PUT" => HttpVerb.Put,
    "DELETE" => HttpVerb.Delete,
    _ => (HttpVerb)(-1),   // folds into the method="__overflow__" series
};

// Status codes as cached strings: no allocation per request for the common ones.
static string StatusText(int status) => status switch
{
    200 => "200",
    201 => "201",
    404 => "404",
    422 => "422",
    500 => "500",
    _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
};

/// <summary>The body of <c>POST /orders</c>.</summary>
internal sealed record OrderRequest(string Item, int Quantity, decimal Price);

/// <summary>A created order.</summary>
internal sealed record Order(int Id, string Item, int Quantity, decimal Price);
