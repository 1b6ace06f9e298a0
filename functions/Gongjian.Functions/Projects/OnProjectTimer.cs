using Gongjian.Domain.Projects;
using Gongjian.Engine;
using Gongjian.Functions.Hosting;

namespace Gongjian.Functions.Projects;

/// <summary>
/// Queue function on <c>project-timers</c>: the engine's timer consumer for projects. Reminder: 催办
/// the approved units still owing a milestone's report. Due: let the rules escalate it to staff (督办).
/// </summary>
public static class OnProjectTimer
{
    public static readonly QueueTrigger Trigger = new(QueueNames.ProjectTimers);

    public static Task Run(FunctionInvocation invocation, IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<TimerConsumer<ProjectState, ProjectCommand, ProjectEvent>>().RunAsync(invocation.Message, ct);
}
