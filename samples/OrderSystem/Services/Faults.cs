namespace OrderSystem.Services;

/// <summary>
/// Faults lets a caller ask for a failure, so tests and the traffic generator know exactly how many errors they
/// caused: <c>X-Inject-Fault: payment</c> on <c>POST /orders</c> makes the payment service answer 503.
/// </summary>
internal static class Faults
{
    public const string Header = "X-Inject-Fault";

    public const string Payment = "payment";

    public static bool IsInjected(HttpRequest request, string fault)
        => string.Equals(request.Headers[Header].ToString(), fault, StringComparison.OrdinalIgnoreCase);
}
