using System.Data.Common;

namespace Metrics.Generators.Data;

/// <summary>DatabaseMetricsExtensions wrap ADO.NET objects for <see cref="DatabaseMetrics"/> in one call.</summary>
public static class DatabaseMetricsExtensions
{
    /// <summary>
    /// Wraps <paramref name="connection"/> in an <see cref="InstrumentedDbConnection"/> recording under
    /// <c>db="<paramref name="database"/>"</c>. Use the returned connection from then on; it owns the original.
    /// </summary>
    /// <param name="connection">The provider's connection, open or not.</param>
    /// <param name="metrics">The families to record into.</param>
    /// <param name="database">The <c>db</c> label value: a short name you choose, never the connection string.</param>
    /// <returns>The instrumented connection.</returns>
    public static InstrumentedDbConnection WithPrometheusMetrics(this DbConnection connection, DatabaseMetrics metrics, string database)
        => new(connection, metrics, database);

    /// <summary>
    /// Wraps <paramref name="factory"/> in an <see cref="InstrumentedDbProviderFactory"/>: its connections and commands
    /// record under <c>db="<paramref name="database"/>"</c>.
    /// </summary>
    /// <param name="factory">The provider's factory.</param>
    /// <param name="metrics">The families to record into.</param>
    /// <param name="database">The <c>db</c> label value.</param>
    /// <returns>The instrumented factory.</returns>
    public static InstrumentedDbProviderFactory WithPrometheusMetrics(this DbProviderFactory factory, DatabaseMetrics metrics, string database)
        => new(factory, metrics, database);
}
