using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Metrics.Generators.Data.Tests.Support;

/// <summary>
/// FakeDbCommand is a provider command that does nothing and allocates nothing, so a test can measure what the
/// wrapper itself costs. Executions return fixed values; <see cref="Throw"/> makes them throw one fixed exception.
/// </summary>
internal sealed class FakeDbCommand : DbCommand
{
    public static readonly InvalidOperationException Failure = new("fake failure");

    public bool Throw { get; set; }

    [AllowNull]
    public override string CommandText { get; set; } = string.Empty;

    public override int CommandTimeout { get; set; }

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get; set; }

    protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException();

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override int ExecuteNonQuery() => Throw ? throw Failure : 1;

    public override object? ExecuteScalar() => Throw ? throw Failure : null;

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => throw new NotSupportedException();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new NotSupportedException();
}
