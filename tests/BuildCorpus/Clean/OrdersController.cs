using Microsoft.AspNetCore.Mvc;

namespace Shop.Orders;

/// <summary>The order API: requests are counted by route template, never by raw path.</summary>
[ApiController]
[Route("orders")]
public sealed class OrdersController(OrderService service, OrderRepository repository) : ControllerBase
{
    private const string ByIdRoute = "orders/{id}";

    [HttpPost]
    public async Task<IActionResult> Place(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var outcome = await service.PlaceAsync(request, cancellationToken);
        var created = outcome == OrderOutcome.Created;
        OrderMetrics.Requests.Inc("orders", created ? "2xx" : "4xx");
        return created ? Ok() : BadRequest(outcome.ToString());
    }

    [HttpGet("{id:guid}")]
    public IActionResult Get(Guid id)
    {
        var order = repository.Find(id);
        OrderMetrics.Requests.Inc(ByIdRoute, order is null ? "4xx" : "2xx");
        return order is null ? NotFound() : Ok(order);
    }
}
