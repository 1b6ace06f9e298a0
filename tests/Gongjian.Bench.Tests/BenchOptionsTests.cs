using Gongjian.Bench;

namespace Gongjian.Bench.Tests;

/// <summary>The bench's command line: scripts/bench passes the user's options on unchanged, and the app by environment.</summary>
public sealed class BenchOptionsTests
{
    [Fact]
    public void The_app_comes_from_the_environment_unless_the_option_names_one()
    {
        Assert.Equal("artifacts/bench/app/Gongjian.Functions.dll", BenchOptions.Parse([], null, "artifacts/bench/app/Gongjian.Functions.dll").App);
        Assert.Equal("/opt/app/Gongjian.Functions.dll", BenchOptions.Parse(["--app", "/opt/app/Gongjian.Functions.dll"], null, "elsewhere.dll").App);
        Assert.Null(BenchOptions.Parse([], null, "").App);
    }

    [Fact]
    public void The_scripts_short_run_parses_to_the_figures_it_asks_for()
    {
        var o = BenchOptions.Parse(
            ["--azurite-pid", "4242", "--out", "artifacts/bench/b.md", "--levels", "1,4", "--cycles", "20", "--seconds", "10", "--timer-orders", "5",
             "--cold-starts", "1", "--counted-cycles", "5", "--raw-seconds", "2", "--app-env", "Logging__LogLevel__Default=Warning"], null);

        Assert.Equal(4242, o.AzuritePid);
        Assert.Equal("artifacts/bench/b.md", o.Out);
        Assert.Equal([1, 4], o.Levels);
        Assert.Equal((20, 10.0, 5, 1, 5, 2.0), (o.Cycles, o.Seconds.TotalSeconds, o.TimerOrders, o.ColdStarts, o.CountedCycles, o.RawSeconds.TotalSeconds));
        Assert.Equal([("Logging__LogLevel__Default", "Warning")], o.AppEnvironment);
    }

    [Theory]
    [InlineData("--levels", "0")]
    [InlineData("--cycles", "-3")]
    [InlineData("--bench", null)]
    [InlineData("--app", null)]
    public void A_bad_option_is_refused_with_its_name(string option, string? value)
    {
        var e = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(value is null ? [option] : [option, value], null));
        Assert.Contains(option, e.Message);
    }
}
