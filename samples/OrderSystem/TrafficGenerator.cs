using System.Net.Http.Json;

namespace OrderSystem;

/// <summary>
/// TrafficGenerator plays the seed's test script continuously: orders of random items and quantities through the
/// whole service chain, some reads of created orders, and a small share of orders with an injected payment fault.
/// </summary>
internal sealed class TrafficGenerator(Uri orderService, double requestsPerSecond, double faultRate)
{
    private static readonly string[] Items = ["book", "book", "pen", "pen", "lamp"];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = orderService, Timeout = TimeSpan.FromSeconds(10) };
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / requestsPerSecond));
        var lastOrderId = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // Fire and forget within the loop so a slow order does not slow the arrival rate.
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            if (lastOrderId > 0 && Random.Shared.Next(10) == 0)
                            {
                                using var read = await client.GetAsync($"/orders/{Random.Shared.Next(1, lastOrderId + 1)}", cancellationToken);
                                return;
                            }

                            var request = new HttpRequestMessage(HttpMethod.Post, "/orders")
                            {
                                Content = JsonContent.Create(new { item = Items[Random.Shared.Next(Items.Length)], quantity = Random.Shared.Next(1, 9), price = 9.99m }),
                            };
                            if (Random.Shared.NextDouble() < faultRate)
                            {
                                request.Headers.Add(Services.Faults.Header, Services.Faults.Payment);
                            }

                            using var response = await client.SendAsync(request, cancellationToken);
                            if (response.Headers.Location is { } location && int.TryParse(location.OriginalString.AsSpan(location.OriginalString.LastIndexOf('/') + 1), out var id))
                            {
                                InterlockedMax(ref lastOrderId, id);
                            }
                        }
                        catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
                        {
                            // Shutting down, or a service is gone: the metrics show it; the generator keeps going.
                        }
                    },
                    cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
