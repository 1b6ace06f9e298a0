using Xunit;
using Gongjian.Domain.Evaluation;
using Gongjian.Testing;

namespace Gongjian.Domain.Tests.Evaluation;

/// <summary>Each indicator is defined once: docs/INDICATORS.md carries the catalogue's code, name and definition word for word.</summary>
public sealed class IndicatorDocsTests
{
    [Fact]
    public void The_docs_define_every_indicator_as_the_code_does()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "INDICATORS.md"));
        foreach (var i in IndicatorCatalog.Orders)
            Assert.Contains($"| `{i.Code}` | {i.Name} | {i.Definition} |", docs);
        Assert.Equal(IndicatorCatalog.Orders.Count, IndicatorCatalog.Orders.Select(i => i.Code).Distinct().Count());
    }
}
