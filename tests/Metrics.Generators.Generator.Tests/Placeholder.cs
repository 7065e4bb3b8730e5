namespace Metrics.Generators.Generator.Tests;

public class ProjectBuildsTests
{
    [Fact]
    public void TestAssemblyLoads() => Assert.NotNull(typeof(ProjectBuildsTests).Assembly.GetName().Name);
}
