using System.Data;
using Metrics.Generators.Data.Tests.Support;

namespace Metrics.Generators.Data.Tests;

/// <summary>
/// The wrapper adds no allocation to a synchronous execution: classification, series lookup and the
/// observation are measured around a loop over a provider command that allocates nothing itself.
/// </summary>
public class AllocationTests
{
    private const int Iterations = Allocation.Iterations;

    [Fact]
    public void Classify_AllocatesNothing()
    {
        const string sql = "  /* tag */ -- line\n (select * from t)";
        var selects = 0;

        // Select is 0, so a sum of results would prove nothing: count the calls that classified it right (warm-up
        // and measured loops both, 2 × Iterations).
        Allocation.AssertNone(() => selects += SqlOperationClassifier.Classify(CommandType.Text, sql) == DatabaseOperation.Select ? 1 : 0);
        Assert.Equal(2 * Iterations, selects);
    }

    [Fact]
    public void ExecuteNonQueryAndScalar_ThroughTheWrapper_AllocateNothing()
    {
        var db = new TestDatabase();
        using var command = new InstrumentedDbCommand(new FakeDbCommand(), db.Metrics, TestDatabase.Name);

        command.CommandText = "UPDATE t SET a = 1";
        Allocation.AssertNone(() => command.ExecuteNonQuery());
        command.CommandText = "-- read\nSELECT a FROM t";
        Allocation.AssertNone(() => command.ExecuteScalar());
        command.CommandType = CommandType.StoredProcedure;
        command.CommandText = "get_orders";
        Allocation.AssertNone(() => command.ExecuteNonQuery());

        Assert.Equal(2 * Iterations, db.Count("UPDATE"));
        Assert.Equal(2 * Iterations, db.Count("SELECT"));
        Assert.Equal(2 * Iterations, db.Count("procedure"));
    }

    [Fact]
    public void FailingExecution_IsCountedOnce_AndTheSameExceptionObjectReachesTheCaller()
    {
        var db = new TestDatabase();
        var fake = new FakeDbCommand { Throw = true, CommandText = "DELETE FROM t" };
        using var command = new InstrumentedDbCommand(fake, db.Metrics, TestDatabase.Name);

        var thrown = Assert.Throws<InvalidOperationException>(() => command.ExecuteNonQuery());

        Assert.Same(FakeDbCommand.Failure, thrown);
        Assert.Equal(1, db.Errors("DELETE"));
        Assert.Equal(1, db.Count("DELETE"));
    }
}
