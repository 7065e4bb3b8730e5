using Metrics.Generators;

namespace OrderSystem.Metrics;

/// <summary>The payment service's business metrics.</summary>
public static partial class PaymentMetrics
{
    [Counter("payments_total", Help = "Payment attempts by outcome.")]
    [Label<PaymentOutcome>("outcome")]
    public static partial PaymentsTotal Payments { get; }

    [Counter("payment_amount_dollars_total", Help = "Money charged.", Unit = "dollars")]
    public static partial AmountCharged Charged { get; }
}

/// <summary>How a payment attempt ended.</summary>
public enum PaymentOutcome
{
    [LabelValue("approved")] Approved,
    [LabelValue("provider_error")] ProviderError,
}
