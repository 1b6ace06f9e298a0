using Gongjian.WeChatSim;

// A local WeChat for `scripts/dev` (docs/DEPLOY.md): the API on --port (default 7072), posting to --server; and a local WeCom app.
var port = args.SkipWhile(a => a != "--port").Skip(1).FirstOrDefault() is { } p ? int.Parse(p) : 7072;
var server = args.SkipWhile(a => a != "--server").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:7071/api/wechat";
var plain = args.Contains("--plain");
var settings = new SimulatorSettings { Port = port, EncodingAesKey = plain ? null : new SimulatorSettings().EncodingAesKey };
await using var sim = await WeChatSimulator.StartAsync(settings);
sim.ServerUrl = new Uri(server);
Console.WriteLine($"WeChat simulator on {sim.BaseAddress} posting to {server} ({(plain ? "plain" : "safe")} mode)");
Console.WriteLine($"  app settings: WeChat__ApiBaseUrl={sim.BaseAddress} WeChat__AppId={settings.AppId} WeChat__AppSecret={settings.AppSecret} " +
    $"WeChat__Token={settings.Token}{(plain ? "" : " WeChat__EncodingAesKey=" + settings.EncodingAesKey)}");
Console.WriteLine("  try: curl -s -X POST localhost:" + port + "/sim/followers/o-demo/follow; curl -s -X POST -H 'content-type: application/json' " +
    "-d '{\"text\":\"三楼楼道灯坏了\"}' localhost:" + port + "/sim/followers/o-demo/text");
// The WeCom app for liaisons beside it (--wecom-port, default port + 1), posting to the same app's /api/wecom.
var weComPort = args.SkipWhile(a => a != "--wecom-port").Skip(1).FirstOrDefault() is { } wp ? int.Parse(wp) : port + 1;
var weComSettings = new WeComSettings { Port = weComPort };
await using var wecom = await WeComSimulator.StartAsync(weComSettings);
wecom.ServerUrl = new Uri(server.Replace("/api/wechat", "/api/wecom"));
Console.WriteLine($"WeCom simulator on {wecom.BaseAddress} posting to {wecom.ServerUrl}");
Console.WriteLine($"  app settings: WeCom__ApiBaseUrl={wecom.BaseAddress} WeCom__CorpId={weComSettings.CorpId} WeCom__AgentId={weComSettings.AgentId} " +
    $"WeCom__Secret={weComSettings.Secret} WeCom__Token={weComSettings.Token} WeCom__EncodingAesKey={weComSettings.EncodingAesKey}");
Console.WriteLine("  try: curl -s -H 'content-type: application/json' -d '{\"text\":\"绑定 123456\"}' localhost:" + weComPort + "/sim/wecom/members/zhangwei/text; " +
    "curl -s -H 'content-type: application/json' -d '{\"label\":\"接单\"}' localhost:" + weComPort + "/sim/wecom/members/zhangwei/tap");
if (args.SkipWhile(a => a != "--bench").Skip(1).FirstOrDefault() is { } n)
{
    Console.WriteLine(await ReplyBench.RunAsync(sim, int.Parse(n)));
    return;
}
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
