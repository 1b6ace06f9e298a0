using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.StaffConsole;

/// <summary>The console as a function, so that the Functions host routes <c>/api/console/…</c> to the app.</summary>
public static class ConsoleFunction
{
    public static readonly HttpTrigger Trigger = new("GET", "console/{*path}");
}
