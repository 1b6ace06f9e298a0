using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongjian.Bot.Tests.Support;

namespace Gongjian.Bot.Tests.EndToEnd;

/// <summary>
/// A scripted resident conversation through the real Direct Line client (npm botframework-directlinejs,
/// run by node, polling every second like Web Chat), against the app on a free port; reports the
/// p50/p95 time from a user's message to the bot's reply (reported, not asserted).
/// </summary>
public sealed class DirectLineJsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly object[] Script =
    [
        new { say = "你好", expect = "我要点单" },
        new { say = "我要点单", expect = "遇到了什么问题" },
        new { say = "三楼楼道灯坏了一个星期了", expect = "哪个社区" },
        new { say = "东七里社区", expect = "具体地点" },
        new { say = "宝盛小区3号楼2单元", expect = "联系电话" },
        new { say = "13805381234", expect = "请确认您的诉求" },
        new { say = "确认提交", expect = "工单号：GJ" },
        new { say = "我的单子到哪了", expect = "待派单" },
    ];

    [Theory]
    [InlineData(1000)] // what Web Chat on /chat uses
    [InlineData(200)]  // the client's lower bound: shows the bot's own time better
    public async Task Scripted_conversation_passes_through_botframework_directlinejs(int pollingMs)
    {
        var client = Path.Combine(RepoPaths.Root, "node_modules", "botframework-directlinejs", "package.json");
        Assert.True(File.Exists(client), "botframework-directlinejs is not installed: run scripts/setup (npm ci).");
        await using var app = await BotTestApp.StartAsync(azurite);
        var scriptFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(scriptFile, JsonSerializer.Serialize(Script));
        try
        {
            var start = new ProcessStartInfo("node")
            {
                ArgumentList =
                {
                    Path.Combine(RepoPaths.Root, "tests", "Gongjian.Bot.Tests", "js", "directline-conversation.js"),
                    "--origin", app.BaseAddress.ToString().TrimEnd('/'), "--script", scriptFile, "--repeat", "3", "--polling", $"{pollingMs}",
                },
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var node = Process.Start(start)!;
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            try { await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3)); }
            finally { if (!node.HasExited) node.Kill(entireProcessTree: true); }
            var lastLine = (await stdout).Trim().Split('\n').Last();
            var result = JsonNode.Parse(lastLine)!;
            output.WriteLine(lastLine);
            Assert.True((bool)result["ok"]!, $"exit {node.ExitCode}: {lastLine}\n{await stderr}");
            var summary = $"Direct Line (botframework-directlinejs, polling {pollingMs} ms): {result["samples"]} replies, " +
                $"user message → reply seen p50 {result["p50"]} ms, p95 {result["p95"]} ms; in the server p50 {result["serverP50"]} ms, p95 {result["serverP95"]} ms";
            output.WriteLine(summary);
            Console.WriteLine(summary);
            // Every scripted message got its expected reply, three times over. The latency is a figure, not a pass mark
            // (a busy machine must not fail it): scripts/bench and docs/BENCHMARKS.md carry the goal.
            Assert.Equal(Script.Length * 3, (int)result["samples"]!);
        }
        finally { File.Delete(scriptFile); }
    }
}
