using Gongjian.Functions.Hosting.Triggers;
using Gongjian.Functions.Tests.Support;

namespace Gongjian.Functions.Tests.Hosting.Triggers;

/// <summary>host.json extensions.queues: Functions defaults, tolerant reading, and clear errors for bad values.</summary>
public sealed class HostJsonOptionsTests
{
    [Fact]
    public void Absent_settings_take_the_Functions_defaults()
    {
        var q = HostJsonOptions.Parse("""{"version":"2.0"}""", "host.json").Queues;
        Assert.Equal((16, 8, TimeSpan.Zero, 5, TimeSpan.FromMinutes(1), "base64"),
            (q.BatchSize, q.NewBatchThreshold, q.VisibilityTimeout, q.MaxDequeueCount, q.MaxPollingInterval, q.MessageEncoding));
    }

    [Fact]
    public void The_root_host_json_is_read()
    {
        var path = Path.Combine(RepoPaths.Root, "host.json");
        var q = HostJsonOptions.Parse(File.ReadAllText(path), path).Queues;
        Assert.Equal((16, 8, TimeSpan.FromSeconds(10), 5, TimeSpan.FromSeconds(15)),
            (q.BatchSize, q.NewBatchThreshold, q.VisibilityTimeout, q.MaxDequeueCount, q.MaxPollingInterval));
    }

    [Fact]
    public void Values_are_read_like_the_Functions_host_reads_them()
    {
        var q = HostJsonOptions.Parse("""
            // comments are allowed
            {"Extensions":{"Queues":{"BatchSize":"10","maxDequeueCount":2,"VisibilityTimeout":"00:00:30","messageEncoding":"Base64",}}}
            """, "host.json").Queues;
        Assert.Equal((10, 5, TimeSpan.FromSeconds(30), 2), (q.BatchSize, q.NewBatchThreshold, q.VisibilityTimeout, q.MaxDequeueCount));
    }

    [Theory]
    [InlineData("\"batchSize\": 33", "batchSize")]
    [InlineData("\"batchSize\": 0", "batchSize")]
    [InlineData("\"batchSize\": \"lots\"", "batchSize")]
    [InlineData("\"batchSize\": 1.5", "batchSize")]
    [InlineData("\"newBatchThreshold\": -1", "newBatchThreshold")]
    [InlineData("\"maxDequeueCount\": 0", "maxDequeueCount")]
    [InlineData("\"visibilityTimeout\": \"soon\"", "visibilityTimeout")]
    [InlineData("\"visibilityTimeout\": 30", "visibilityTimeout")]
    [InlineData("\"maxPollingInterval\": \"00:00:00.050\"", "maxPollingInterval")]
    [InlineData("\"messageEncoding\": \"none\"", "messageEncoding")]
    public void Bad_values_are_refused_naming_the_setting(string setting, string name)
    {
        var e = Assert.Throws<InvalidOperationException>(() => HostJsonOptions.Parse(TriggerTestApp.Queues(setting), "my/host.json"));
        Assert.Contains($"extensions.queues.{name}", e.Message);
        Assert.Contains("my/host.json", e.Message);
    }

    [Fact]
    public void Invalid_json_or_shape_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HostJsonOptions.Parse("{\"extensions\":", "host.json"));
        Assert.Contains("not valid JSON", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => HostJsonOptions.Parse("""{"extensions":{"queues":16}}""", "host.json"));
        Assert.Contains("extensions.queues must be an object", e.Message);
    }

    [Fact]
    public void Host_json_is_found_in_the_content_root_first()
    {
        var dir = Directory.CreateTempSubdirectory("gongjian-root-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "host.json"), TriggerTestApp.Queues("\"batchSize\": 3"));
            var found = HostJsonOptions.Load(null, dir);
            Assert.Equal(Path.Combine(dir, "host.json"), found.Source);
            Assert.Equal(3, found.Queues.BatchSize);
            // Otherwise next to the app: the build copies the root host.json there.
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "host.json"), HostJsonOptions.Load(null, Path.Combine(dir, "missing")).Source);
            Assert.Throws<InvalidOperationException>(() => HostJsonOptions.Load(Path.Combine(dir, "nope.json"), dir));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
