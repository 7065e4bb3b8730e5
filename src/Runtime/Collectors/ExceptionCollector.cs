using System.Runtime.ExceptionServices;

namespace Metrics.Generators;

/// <summary>
/// ExceptionCollector counts exceptions thrown anywhere in the process as <c>dotnet_exceptions_total</c> (counter):
/// every throw and rethrow, caught or not, from the moment the family is registered.
/// </summary>
/// <remarks>
/// <para>Mechanism: the runtime keeps no public total, so the family subscribes to
/// <see cref="AppDomain.FirstChanceException"/> when a registry adds it and unsubscribes when the registry removes
/// it (<see cref="MetricRegistry.Unregister"/>, <see cref="MetricRegistry.Clear"/>). The handler is one
/// <see cref="Interlocked.Increment(ref long)"/>; a scrape reads the count. The count survives being unregistered
/// and registered again (it only goes up), but exceptions thrown in between are not counted.</para>
/// <para>Thread-safe: a family registered in several registries stays subscribed until it has left all of them.</para>
/// </remarks>
internal sealed class ExceptionCollector
{
    private static readonly MetricDescriptor Exceptions = new(
        "dotnet_exceptions_total", MetricType.Counter,
        "Exceptions thrown (each throw and rethrow, caught or not) since the collector was registered.", null, []);

    private readonly Lock _gate = new();
    private readonly EventHandler<FirstChanceExceptionEventArgs> _onThrown;
    private long _count;
    private int _registrations;

    private ExceptionCollector() => _onThrown = OnThrown;

    /// <summary>The exception descriptors.</summary>
    internal static MetricDescriptor[] Descriptors => [Exceptions];

    /// <summary>Adds a new exception-counting family; it subscribes only once a registry holds it.</summary>
    public static void AddTo(List<MetricFamily> families)
    {
        var collector = new ExceptionCollector();
        families.Add(new CallbackFamily(Exceptions, collector.Read, collector.Attach, collector.Detach));
    }

    private double Read() => Volatile.Read(ref _count);

    private void Attach()
    {
        lock (_gate)
        {
            if (_registrations++ == 0)
            {
                AppDomain.CurrentDomain.FirstChanceException += _onThrown;
            }
        }
    }

    private void Detach()
    {
        lock (_gate)
        {
            if (--_registrations == 0)
            {
                AppDomain.CurrentDomain.FirstChanceException -= _onThrown;
            }
        }
    }

    private void OnThrown(object? sender, FirstChanceExceptionEventArgs e) => Interlocked.Increment(ref _count);
}
