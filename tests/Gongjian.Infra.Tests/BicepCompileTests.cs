using Xunit;

namespace Gongjian.Infra.Tests;

/// <summary>CI gate: every template and parameter file compiles and lints without a single diagnostic.</summary>
public sealed class BicepCompileTests
{
    public static TheoryData<string> BicepFiles => new(Bicep.Files(".bicep"));
    public static TheoryData<string> ParameterFiles => new(Bicep.Files(".bicepparam"));
    public static TheoryData<string> AllFiles => new(Bicep.Files(".bicep").Concat(Bicep.Files(".bicepparam")));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Bicep_file_builds_without_diagnostics(string file)
    {
        using var outDir = Bicep.NewTempDirectory();
        var (exitCode, output) = await Bicep.RunAsync("build", file, "--outdir", outDir.Path);

        Assert.True(exitCode == 0, output);
        Assert.True(output.Length == 0, $"bicep build {file} reported:\n{output}");
        Assert.Single(Directory.GetFiles(outDir.Path, "*.json"));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task Parameter_file_builds_without_diagnostics(string file)
    {
        using var outDir = Bicep.NewTempDirectory();
        var (exitCode, output) = await Bicep.RunAsync("build-params", file, "--outdir", outDir.Path);

        Assert.True(exitCode == 0, output);
        Assert.True(output.Length == 0, $"bicep build-params {file} reported:\n{output}");
        Assert.Single(Directory.GetFiles(outDir.Path, "*.json"));
    }

    // `bicep lint` exits 0 even when it prints warnings, so the gate is its output.
    [Theory]
    [MemberData(nameof(AllFiles))]
    public async Task File_lints_clean(string file)
    {
        var (exitCode, output) = await Bicep.RunAsync("lint", file);

        Assert.True(exitCode == 0, output);
        Assert.True(output.Length == 0, $"bicep lint {file} reported:\n{output}");
    }

    // Proves the lint gate can fail: the repository's linter settings must flag a known mistake.
    [Fact]
    public async Task Lint_gate_reports_a_violation_under_the_repository_settings()
    {
        using var dir = Bicep.NewTempDirectory();
        File.Copy(Path.Combine(Bicep.InfraDirectory, "bicepconfig.json"), Path.Combine(dir.Path, "bicepconfig.json"));
        var bad = Path.Combine(dir.Path, "bad.bicep");
        await File.WriteAllTextAsync(bad, "@description('never used')\nparam unused string\n", TestContext.Current.CancellationToken);

        var (_, output) = await Bicep.RunAsync("lint", bad);

        Assert.Contains("Error no-unused-params", output);
    }

    [Fact]
    public void No_module_comes_from_a_registry()
    {
        foreach (var file in Bicep.Files(".bicep"))
        {
            var text = File.ReadAllText(Path.Combine(Bicep.InfraDirectory, file));
            Assert.DoesNotMatch(@"(?m)^\s*module\s+\w+\s+'(br|ts)[:/]", text);
        }
    }

    [Fact]
    public void Every_environment_has_a_parameter_file()
    {
        Assert.Equal(["env/china.bicepparam", "env/dev.bicepparam", "env/prod.bicepparam"], Bicep.Files(".bicepparam").Select(f => f.Replace('\\', '/')));
    }
}
