using Xunit;
using Gongjian.Domain.Evaluation;
using Gongjian.Testing;

namespace Gongjian.Domain.Tests.Evaluation;

/// <summary>Each module indicator is defined once: docs/INDICATORS.md carries the catalogue's code, name and definition word for word.</summary>
public sealed class ModuleIndicatorDocsTests
{
    [Fact]
    public void The_docs_define_every_module_indicator_as_the_code_does()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "INDICATORS.md"));
        foreach (var i in ModuleIndicatorCatalog.Defined)
            Assert.Contains($"| `{i.Code}` | {i.Name} | {i.Definition} |", docs);
        Assert.Contains("本期「名称」的记录数。", docs);
    }
}
