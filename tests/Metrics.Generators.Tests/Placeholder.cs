namespace Metrics.Generators.Tests;

public class ProjectBuildsTests
{
    [Fact]
    public void TestAssemblyLoads() => Assert.NotNull(typeof(ProjectBuildsTests).Assembly.GetName().Name);
}
